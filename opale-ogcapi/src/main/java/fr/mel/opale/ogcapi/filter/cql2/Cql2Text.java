package fr.mel.opale.ogcapi.filter.cql2;

import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.ogcapi.OgcApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.misc.Interval;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * CQL2 text → {@link Filter}, with the ANTLR parser generated from {@code Cql2.g4}. The first syntax error is a 400
 * naming its line and column. Bounded: {@value #MAX_LENGTH} characters, {@value #MAX_DEPTH} nested parentheses.
 * Geometry literals are read in {@code filter-crs} and handed on in CRS84 through {@code toStorage}.
 */
public final class Cql2Text {
    /** Below the server's 8 KiB request line, so that GET filters meet this limit (a clear message) first. */
    public static final int MAX_LENGTH = 6_000;
    public static final int MAX_DEPTH = 100;

    private Cql2Text() {
    }

    public static Filter parse(String text, UnaryOperator<Geometry> toStorage) {
        Cql2Limits.check(text, MAX_LENGTH, MAX_DEPTH);
        CharStream input = CharStreams.fromString(text);
        Cql2Lexer lexer = new Cql2Lexer(input);
        Cql2Parser parser = new Cql2Parser(new CommonTokenStream(lexer));
        BaseErrorListener failFast = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                    String message, RecognitionException e) {
                throw OgcApiProblem.invalidFilter("Erreur de syntaxe CQL2 ligne " + line + ", colonne " + (column + 1)
                        + " : " + abbreviate(message) + ".");
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(failFast);
        parser.removeErrorListeners();
        parser.addErrorListener(failFast);
        try {
            Cql2Parser.FilterContext tree = parser.filter();
            return new Builder(input, toStorage).filter(tree.booleanExpression());
        } catch (StackOverflowError e) {
            throw OgcApiProblem.invalidFilter("Filtre CQL2 trop imbriqué.");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Walks the parse tree into the AST. */
    private static final class Builder {
        private final CharStream input;
        private final UnaryOperator<Geometry> toStorage;
        private final GeometryFactory geometries = new GeometryFactory();

        Builder(CharStream input, UnaryOperator<Geometry> toStorage) {
            this.input = input;
            this.toStorage = toStorage;
        }

        Filter filter(Cql2Parser.BooleanExpressionContext ctx) {
            List<Filter> terms = new ArrayList<>();
            for (Cql2Parser.BooleanTermContext term : ctx.booleanTerm()) {
                terms.add(term(term));
            }
            return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
        }

        private Filter term(Cql2Parser.BooleanTermContext ctx) {
            List<Filter> factors = new ArrayList<>();
            for (Cql2Parser.BooleanFactorContext factor : ctx.booleanFactor()) {
                Filter primary = primary(factor.booleanPrimary());
                factors.add(factor.NOT() != null ? new Filter.Not(primary) : primary);
            }
            return factors.size() == 1 ? factors.get(0) : new Filter.And(factors);
        }

        private Filter primary(Cql2Parser.BooleanPrimaryContext ctx) {
            if (ctx instanceof Cql2Parser.NestedExpressionContext nested) {
                return filter(nested.booleanExpression());
            }
            if (ctx instanceof Cql2Parser.BooleanConstantContext constant) {
                return new Filter.Constant(constant.booleanLiteral().TRUE() != null);
            }
            return predicate(((Cql2Parser.PredicateExpressionContext) ctx).predicate());
        }

        private Filter predicate(Cql2Parser.PredicateContext ctx) {
            if (ctx instanceof Cql2Parser.BinaryComparisonContext c) {
                Cql2Parser.ComparisonOperatorContext op = c.comparisonOperator();
                Filter.ComparisonOperator operator = op.EQ() != null ? Filter.ComparisonOperator.EQ
                        : op.NEQ() != null ? Filter.ComparisonOperator.NE
                        : op.LT() != null ? Filter.ComparisonOperator.LT
                        : op.LTEQ() != null ? Filter.ComparisonOperator.LE
                        : op.GT() != null ? Filter.ComparisonOperator.GT : Filter.ComparisonOperator.GE;
                return new Filter.Comparison(scalar(c.scalarExpression(0)), operator, scalar(c.scalarExpression(1)));
            }
            if (ctx instanceof Cql2Parser.LikePredicateContext like) {
                return negated(like.NOT() != null, new Filter.Like(scalar(like.scalarExpression()),
                        pattern(like.patternExpression())));
            }
            if (ctx instanceof Cql2Parser.BetweenPredicateContext between) {
                return negated(between.NOT() != null, new Filter.Between(scalar(between.scalarExpression(0)),
                        scalar(between.scalarExpression(1)), scalar(between.scalarExpression(2))));
            }
            if (ctx instanceof Cql2Parser.InPredicateContext in) {
                List<Operand> list = new ArrayList<>();
                for (int i = 1; i < in.scalarExpression().size(); i++) {
                    list.add(scalar(in.scalarExpression(i)));
                }
                return negated(in.NOT() != null, new Filter.In(scalar(in.scalarExpression(0)), list));
            }
            if (ctx instanceof Cql2Parser.IsNullPredicateContext isNull) {
                return negated(isNull.NOT() != null, new Filter.IsNull(scalar(isNull.scalarExpression())));
            }
            if (ctx instanceof Cql2Parser.SpatialPredicateContext spatial) {
                String name = spatial.spatialOperator().getText().toUpperCase(Locale.ROOT).substring(2);
                return new Filter.Spatial(Filter.SpatialOperator.valueOf(name), geometry(spatial.geomExpression(0)),
                        geometry(spatial.geomExpression(1)));
            }
            Cql2Parser.TemporalPredicateContext temporal = (Cql2Parser.TemporalPredicateContext) ctx;
            String name = temporal.temporalOperator().getText().toUpperCase(Locale.ROOT).substring(2);
            return new Filter.Temporal(Filter.TemporalOperator.valueOf(name), temporal(temporal.temporalExpression(0)),
                    temporal(temporal.temporalExpression(1)));
        }

        private static Filter negated(boolean not, Filter filter) {
            return not ? new Filter.Not(filter) : filter;
        }

        private Operand scalar(Cql2Parser.ScalarExpressionContext ctx) {
            if (ctx instanceof Cql2Parser.CaseInsensitiveContext c) {
                return new Operand.CaseInsensitive(scalar(c.scalarExpression()));
            }
            if (ctx instanceof Cql2Parser.AccentInsensitiveContext a) {
                return new Operand.AccentInsensitive(scalar(a.scalarExpression()));
            }
            if (ctx instanceof Cql2Parser.InstantScalarContext instant) {
                return new Operand.Literal(instant(instant.instantLiteral()));
            }
            if (ctx instanceof Cql2Parser.CharacterScalarContext character) {
                return new Operand.Literal(text(character.characterLiteral()));
            }
            if (ctx instanceof Cql2Parser.NumericScalarContext number) {
                return number(number.numericLiteral());
            }
            if (ctx instanceof Cql2Parser.BooleanScalarContext bool) {
                return new Operand.Literal(bool.booleanLiteral().TRUE() != null);
            }
            return property(((Cql2Parser.PropertyScalarContext) ctx).propertyName());
        }

        private Operand pattern(Cql2Parser.PatternExpressionContext ctx) {
            if (ctx instanceof Cql2Parser.CaseInsensitivePatternContext c) {
                return new Operand.CaseInsensitive(pattern(c.patternExpression()));
            }
            if (ctx instanceof Cql2Parser.AccentInsensitivePatternContext a) {
                return new Operand.AccentInsensitive(pattern(a.patternExpression()));
            }
            return new Operand.Literal(text(((Cql2Parser.LiteralPatternContext) ctx).characterLiteral()));
        }

        private Operand temporal(Cql2Parser.TemporalExpressionContext ctx) {
            if (ctx.instantLiteral() != null) {
                return new Operand.Literal(instant(ctx.instantLiteral()));
            }
            if (ctx.intervalLiteral() != null) {
                Cql2Parser.IntervalLiteralContext interval = ctx.intervalLiteral();
                return new Operand.Interval(bound(interval.instantParameter(0)), bound(interval.instantParameter(1)));
            }
            return property(ctx.propertyName());
        }

        private @Nullable Object bound(Cql2Parser.InstantParameterContext ctx) {
            if (ctx.propertyName() != null) {
                return property(ctx.propertyName());
            }
            String text = text(ctx.characterLiteral());
            if (text.equals("..")) {
                return null;
            }
            return text.length() <= 10 ? date(text, ctx) : timestamp(text, ctx);
        }

        private Object instant(Cql2Parser.InstantLiteralContext ctx) {
            if (ctx instanceof Cql2Parser.DateInstantContext date) {
                return date(text(date.characterLiteral()), ctx);
            }
            return timestamp(text(((Cql2Parser.TimestampInstantContext) ctx).characterLiteral()), ctx);
        }

        private static LocalDate date(String text, ParserRuleContext at) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid(at, "« " + abbreviate(text) + " » n'est pas une date AAAA-MM-JJ");
            }
        }

        private static Instant timestamp(String text, ParserRuleContext at) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(at, "« " + abbreviate(text) + " » n'est pas un horodatage AAAA-MM-JJThh:mm:ssZ");
            }
        }

        private Operand geometry(Cql2Parser.GeomExpressionContext ctx) {
            if (ctx.propertyName() != null) {
                return property(ctx.propertyName());
            }
            Cql2Parser.SpatialLiteralContext literal = ctx.spatialLiteral();
            Geometry geometry;
            if (literal.bboxLiteral() != null) {
                List<Cql2Parser.NumericLiteralContext> n = literal.bboxLiteral().numericLiteral();
                int half = n.size() / 2;
                geometry = BboxLiteral.geometry(decimal(n.get(0)).doubleValue(), decimal(n.get(1)).doubleValue(),
                        decimal(n.get(half)).doubleValue(), decimal(n.get(half + 1)).doubleValue(), geometries);
            } else {
                String wkt = input.getText(Interval.of(literal.start.getStartIndex(), literal.stop.getStopIndex()));
                try {
                    geometry = new WKTReader(geometries).read(wkt);
                } catch (ParseException | IllegalArgumentException e) {
                    throw invalid(literal, "géométrie WKT invalide (" + abbreviate(String.valueOf(e.getMessage())) + ")");
                }
            }
            if (!geometry.isValid() && geometry.getDimension() == 2) {
                throw invalid(literal, "polygone invalide (auto-intersection ou anneau non fermé)");
            }
            return new Operand.GeometryLiteral(toStorage.apply(geometry));
        }

        private static Operand.Property property(Cql2Parser.PropertyNameContext ctx) {
            String name = ctx.getText();
            if (ctx.QUOTED_IDENTIFIER() != null) {
                name = name.substring(1, name.length() - 1);
            }
            return new Operand.Property(name);
        }

        private static String text(Cql2Parser.CharacterLiteralContext ctx) {
            String quoted = ctx.getText();
            return quoted.substring(1, quoted.length() - 1).replace("''", "'");
        }

        private static Operand number(Cql2Parser.NumericLiteralContext ctx) {
            return Operand.Literal.number(decimal(ctx));
        }

        private static BigDecimal decimal(Cql2Parser.NumericLiteralContext ctx) {
            try {
                return new BigDecimal(ctx.getText());
            } catch (NumberFormatException e) {
                throw invalid(ctx, "nombre invalide « " + abbreviate(ctx.getText()) + " »");
            }
        }

        private static OgcApiProblem invalid(ParserRuleContext at, String detail) {
            return OgcApiProblem.invalidFilter("Filtre CQL2 invalide ligne " + at.start.getLine() + ", colonne "
                    + (at.start.getCharPositionInLine() + 1) + " : " + detail + ".");
        }
    }
}
