/*
 * CQL2 text (OGC 21-065, "Common Query Language"), written for Opale from the standard's BNF
 * (cql2/standard/schema/cql2.bnf). Differences from the BNF, on purpose:
 *  - the left-recursive and/or/not productions are layered (or < and < not) so that precedence is explicit;
 *  - keywords are case-insensitive, as the standard allows;
 *  - functions, arrays and arithmetic are not parsed (Opale declares neither class): they are syntax errors;
 *  - DATE, TIMESTAMP and INTERVAL may also be property names (datasets have columns called "date");
 *  - BBOX (the 1.0 name) and ENVELOPE (the drafts' name) are both accepted.
 * Geometry literals are checked here and built by JTS's WKT reader from the matched text.
 */
grammar Cql2;

options { caseInsensitive = true; }

filter : booleanExpression EOF ;

booleanExpression : booleanTerm (OR booleanTerm)* ;

booleanTerm : booleanFactor (AND booleanFactor)* ;

booleanFactor : NOT? booleanPrimary ;

booleanPrimary
    : LEFTPAREN booleanExpression RIGHTPAREN                                              # nestedExpression
    | predicate                                                                           # predicateExpression
    | booleanLiteral                                                                      # booleanConstant
    ;

predicate
    : scalarExpression comparisonOperator scalarExpression                                # binaryComparison
    | scalarExpression NOT? LIKE patternExpression                                        # likePredicate
    | scalarExpression NOT? BETWEEN scalarExpression AND scalarExpression                 # betweenPredicate
    | scalarExpression NOT? IN LEFTPAREN scalarExpression (COMMA scalarExpression)* RIGHTPAREN  # inPredicate
    | scalarExpression IS NOT? NULL                                                       # isNullPredicate
    | spatialOperator LEFTPAREN geomExpression COMMA geomExpression RIGHTPAREN            # spatialPredicate
    | temporalOperator LEFTPAREN temporalExpression COMMA temporalExpression RIGHTPAREN   # temporalPredicate
    ;

comparisonOperator : EQ | NEQ | LT | GT | LTEQ | GTEQ ;

scalarExpression
    : CASEI LEFTPAREN scalarExpression RIGHTPAREN                                         # caseInsensitive
    | ACCENTI LEFTPAREN scalarExpression RIGHTPAREN                                       # accentInsensitive
    | instantLiteral                                                                      # instantScalar
    | characterLiteral                                                                    # characterScalar
    | numericLiteral                                                                      # numericScalar
    | booleanLiteral                                                                      # booleanScalar
    | propertyName                                                                        # propertyScalar
    ;

patternExpression
    : CASEI LEFTPAREN patternExpression RIGHTPAREN                                        # caseInsensitivePattern
    | ACCENTI LEFTPAREN patternExpression RIGHTPAREN                                      # accentInsensitivePattern
    | characterLiteral                                                                    # literalPattern
    ;

spatialOperator
    : S_INTERSECTS | S_EQUALS | S_DISJOINT | S_TOUCHES | S_WITHIN | S_OVERLAPS | S_CROSSES | S_CONTAINS ;

geomExpression : spatialLiteral | propertyName ;

temporalOperator
    : T_AFTER | T_BEFORE | T_CONTAINS | T_DISJOINT | T_DURING | T_EQUALS | T_FINISHEDBY | T_FINISHES
    | T_INTERSECTS | T_MEETS | T_METBY | T_OVERLAPPEDBY | T_OVERLAPS | T_STARTEDBY | T_STARTS ;

temporalExpression : instantLiteral | intervalLiteral | propertyName ;

instantLiteral
    : DATE LEFTPAREN characterLiteral RIGHTPAREN                                          # dateInstant
    | TIMESTAMP LEFTPAREN characterLiteral RIGHTPAREN                                     # timestampInstant
    ;

intervalLiteral : INTERVAL LEFTPAREN instantParameter COMMA instantParameter RIGHTPAREN ;

/* A date or timestamp string, '..' for an open end, or a property. */
instantParameter : characterLiteral | propertyName ;

propertyName : IDENTIFIER | QUOTED_IDENTIFIER | DATE | TIMESTAMP | INTERVAL ;

characterLiteral : CHARACTER_LITERAL ;

numericLiteral : (PLUS | MINUS)? NUMBER ;

booleanLiteral : TRUE | FALSE ;

/* ---- geometry literals (WKT, 2D or 3D coordinates) ---- */

spatialLiteral
    : POINT pointText
    | LINESTRING lineStringText
    | POLYGON polygonText
    | MULTIPOINT multiPointText
    | MULTILINESTRING multiLineStringText
    | MULTIPOLYGON multiPolygonText
    | GEOMETRYCOLLECTION LEFTPAREN spatialLiteral (COMMA spatialLiteral)* RIGHTPAREN
    | bboxLiteral
    ;

bboxLiteral
    : (BBOX | ENVELOPE) LEFTPAREN numericLiteral COMMA numericLiteral COMMA numericLiteral COMMA numericLiteral
      (COMMA numericLiteral COMMA numericLiteral)? RIGHTPAREN ;

pointText : LEFTPAREN coordinate RIGHTPAREN ;

coordinate : numericLiteral numericLiteral numericLiteral? ;

lineStringText : LEFTPAREN coordinate (COMMA coordinate)* RIGHTPAREN ;

polygonText : LEFTPAREN lineStringText (COMMA lineStringText)* RIGHTPAREN ;

multiPointText : LEFTPAREN (pointText | coordinate) (COMMA (pointText | coordinate))* RIGHTPAREN ;

multiLineStringText : LEFTPAREN lineStringText (COMMA lineStringText)* RIGHTPAREN ;

multiPolygonText : LEFTPAREN polygonText (COMMA polygonText)* RIGHTPAREN ;

/* ---- tokens ---- */

AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
LIKE : 'LIKE' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;
IS : 'IS' ;
NULL : 'NULL' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;
CASEI : 'CASEI' ;
ACCENTI : 'ACCENTI' ;
DATE : 'DATE' ;
TIMESTAMP : 'TIMESTAMP' ;
INTERVAL : 'INTERVAL' ;

S_INTERSECTS : 'S_INTERSECTS' ;
S_EQUALS : 'S_EQUALS' ;
S_DISJOINT : 'S_DISJOINT' ;
S_TOUCHES : 'S_TOUCHES' ;
S_WITHIN : 'S_WITHIN' ;
S_OVERLAPS : 'S_OVERLAPS' ;
S_CROSSES : 'S_CROSSES' ;
S_CONTAINS : 'S_CONTAINS' ;

T_AFTER : 'T_AFTER' ;
T_BEFORE : 'T_BEFORE' ;
T_CONTAINS : 'T_CONTAINS' ;
T_DISJOINT : 'T_DISJOINT' ;
T_DURING : 'T_DURING' ;
T_EQUALS : 'T_EQUALS' ;
T_FINISHEDBY : 'T_FINISHEDBY' ;
T_FINISHES : 'T_FINISHES' ;
T_INTERSECTS : 'T_INTERSECTS' ;
T_MEETS : 'T_MEETS' ;
T_METBY : 'T_METBY' ;
T_OVERLAPPEDBY : 'T_OVERLAPPEDBY' ;
T_OVERLAPS : 'T_OVERLAPS' ;
T_STARTEDBY : 'T_STARTEDBY' ;
T_STARTS : 'T_STARTS' ;

POINT : 'POINT' ;
LINESTRING : 'LINESTRING' ;
POLYGON : 'POLYGON' ;
MULTIPOINT : 'MULTIPOINT' ;
MULTILINESTRING : 'MULTILINESTRING' ;
MULTIPOLYGON : 'MULTIPOLYGON' ;
GEOMETRYCOLLECTION : 'GEOMETRYCOLLECTION' ;
BBOX : 'BBOX' ;
ENVELOPE : 'ENVELOPE' ;

EQ : '=' ;
NEQ : '<>' ;
LTEQ : '<=' ;
GTEQ : '>=' ;
LT : '<' ;
GT : '>' ;
LEFTPAREN : '(' ;
RIGHTPAREN : ')' ;
COMMA : ',' ;
PLUS : '+' ;
MINUS : '-' ;

NUMBER : DIGIT+ ('.' DIGIT*)? EXPONENT? | '.' DIGIT+ EXPONENT? ;
fragment DIGIT : [0-9] ;
fragment EXPONENT : 'E' [+-]? DIGIT+ ;

/* '' is an escaped quote inside a literal. */
CHARACTER_LITERAL : '\'' ( ~'\'' | '\'\'' )* '\'' ;

QUOTED_IDENTIFIER : '"' ~["]+ '"' ;

IDENTIFIER : [\p{L}_:] [\p{L}\p{N}_:.\u0300-\u036F]* ;

WHITESPACE : [ \t\r\n]+ -> skip ;
