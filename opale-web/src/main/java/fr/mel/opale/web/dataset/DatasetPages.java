package fr.mel.opale.web.dataset;

import fr.mel.opale.access.problem.Problem;
import fr.mel.opale.data.AggregateQuery;
import fr.mel.opale.data.AggregateResult;
import fr.mel.opale.data.Aggregates;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.Feature;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.data.SortKey;
import fr.mel.opale.data.filter.FilterReader;
import fr.mel.opale.ingest.aggregate.AggregateRequest;
import fr.mel.opale.ingest.job.AttachedSchemas;
import fr.mel.opale.ingest.report.DataReport;
import fr.mel.opale.ingest.report.DataReports;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds what the dataset tabs show from the published data: the served version, one page of the table (filters
 * compiled to CQL2 and read by the same reader as the OGC API), the chart's groups. Every read goes through
 * {@link Datasets}, {@link Features} and {@link Aggregates}, which apply the access policy.
 */
@Component
class DatasetPages {
    private final Datasets datasets;
    private final Features features;
    private final Aggregates aggregates;
    private final FilterReader filters;
    private final DataReports reports;
    private final AttachedSchemas schemas;

    DatasetPages(Datasets datasets, Features features, Aggregates aggregates, FilterReader filters,
                 DataReports reports, AttachedSchemas schemas) {
        this.schemas = schemas;
        this.datasets = datasets;
        this.features = features;
        this.aggregates = aggregates;
        this.filters = filters;
        this.reports = reports;
    }

    /** The data a record describes, when it was published here and the viewer may read it. */
    Optional<PublishedData> published(String recordId) {
        // the served version as the viewer sees it: columns hidden from them by a column rule are left out
        return datasets.findByRecord(recordId).filter(d -> d.currentVersion() != null)
                .flatMap(d -> datasets.currentVersion(d.id()).map(v -> new PublishedData(d, v)));
    }

    /** The served version's report, if the import wrote one. */
    Optional<DataReports.VersionReport> report(PublishedData data) {
        return reports.current(data.dataset().id());
    }

    /**
     * The served version's columns with the description and unit of the attached Table Schema's fields, matched by
     * the column's original title or its identifier.
     */
    List<ColumnInfo> columns(PublishedData data) {
        var schema = schemas.find(data.dataset().id()).map(AttachedSchemas.Attached::schema).orElse(null);
        List<ColumnInfo> columns = new ArrayList<>();
        for (Column column : data.version().columns()) {
            var field = schema == null ? null
                    : schema.field(column.title()).or(() -> schema.field(column.name())).orElse(null);
            columns.add(new ColumnInfo(column.name(), column.title(), DataSummary.typeKey(column),
                    field == null || field.description() == null ? "" : field.description(),
                    field == null || field.unit() == null ? "" : field.unit()));
        }
        return columns;
    }

    TableView table(PublishedData data, TableRequest request, String base, PageContext page) {
        DatasetVersion version = data.version();
        TableFilters.Compiled compiled = TableFilters.compile(version.columns(), request.text(), request.filters());
        FeatureQuery query = FeatureQuery.all().withGeometry(false).withBbox(request.bbox())
                .withOffset(request.offset()).withLimit(request.size());
        if (compiled.cql2() != null) {
            query = query.withFilter(filters.cql2Text(compiled.cql2()));
        }
        if (request.sort() != null) {
            query = query.withSortBy(List.of(new SortKey(request.sort(), request.descending())));
        }
        List<TableView.RowView> rows = new ArrayList<>();
        List<Column> columns = version.columns();
        features.read(data.dataset().id(), query, feature -> rows.add(row(feature, columns, page.lang())));
        long matched = compiled.cql2() == null && request.bbox() == null ? version.rowCount()
                : features.count(data.dataset().id(), query);
        List<TableView.ColumnView> views = columns.stream().map(c -> new TableView.ColumnView(c.name(), c.title(),
                c.type().name(), c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL,
                !c.name().equals(request.sort()) ? "none" : request.descending() ? "descending" : "ascending",
                request.sortHref(base, c.name()), request.filters().get(c.name()))).toList();
        return new TableView(request, views, rows, matched, compiled.cql2(), compiled.errors(),
                itemsUrl(data, compiled.cql2(), request), base);
    }

    private static TableView.RowView row(Feature feature, List<Column> columns, String lang) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column column : columns) {
            cells.add(FrenchValues.format(feature.properties().get(column.name()), lang));
        }
        return new TableView.RowView(feature.fid(), cells);
    }

    private static String itemsUrl(PublishedData data, @Nullable String cql2, TableRequest request) {
        StringBuilder url = new StringBuilder("/ogcapi/collections/").append(data.dataset().slug())
                .append("/items?f=json&limit=").append(request.size());
        if (request.offset() > 0) {
            url.append("&offset=").append(request.offset());
        }
        if (cql2 != null) {
            url.append("&filter=").append(encode(cql2));
        }
        if (request.sort() != null) {
            url.append("&sortby=").append(encode((request.descending() ? "-" : "+") + request.sort()));
        }
        if (request.bbox() != null) {
            var box = request.bbox();
            url.append("&bbox=").append(box.west()).append(',').append(box.south()).append(',').append(box.east())
                    .append(',').append(box.north());
        }
        return url.toString();
    }

    /**
     * The chart tab: reads {@code groupe}, {@code periode}, {@code mesure}, {@code limite}, {@code filtre},
     * {@code type} from the address; defaults to counting rows by the first column that makes a readable chart.
     */
    ChartView chart(PublishedData data, HttpServletRequest request, PageContext page) {
        DatasetVersion version = data.version();
        String groupBy = or(request.getParameter("groupe"), defaultGroup(data));
        Column groupColumn = version.column(groupBy).orElse(null);
        String period = or(request.getParameter("periode"),
                groupColumn != null && (groupColumn.type() == ColumnType.DATE || groupColumn.type() == ColumnType.TIMESTAMP)
                        ? "month" : "");
        String measure = or(request.getParameter("mesure"), "count");
        String limitText = or(request.getParameter("limite"), String.valueOf(AggregateQuery.DEFAULT_LIMIT));
        String filter = request.getParameter("filtre");
        String kind = switch (or(request.getParameter("type"), "")) {
            case "ligne", "secteurs", "barres" -> request.getParameter("type");
            default -> groupColumn != null && !period.isEmpty() ? "ligne" : "barres";
        };
        String error = null;
        ChartView.Result result = null;
        int limit = AggregateQuery.DEFAULT_LIMIT;
        try {
            AggregateQuery query = AggregateRequest.read(groupBy, period, measure, limitText, filter, filters);
            limit = query.limit();
            result = result(aggregates.aggregate(data.dataset().id(), query), page);
        } catch (Problem problem) {
            error = problem.getBody().getDetail();
        }
        String params = "groupBy=" + encode(groupBy) + (period.isEmpty() ? "" : "&period=" + encode(period))
                + "&measure=" + encode(measure) + "&limit=" + encode(limitText)
                + (filter == null || filter.isBlank() ? "" : "&filter=" + encode(filter));
        String api = "/api/datasets/" + data.dataset().id() + "/aggregate?" + params;
        List<ChartView.Option> groups = new ArrayList<>();
        for (Column column : version.columns()) {
            groups.add(new ChartView.Option(column.name(), column.title(), column.name().equals(groupBy)));
        }
        List<ChartView.Option> measures = new ArrayList<>();
        measures.add(new ChartView.Option("count", page.t("chart.measure.count"), measure.equals("count")));
        for (Column column : version.columns()) {
            if (column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL) {
                for (AggregateQuery.Measure m : List.of(AggregateQuery.Measure.SUM, AggregateQuery.Measure.AVG,
                        AggregateQuery.Measure.MIN, AggregateQuery.Measure.MAX)) {
                    String code = m.code() + "(" + column.name() + ")";
                    measures.add(new ChartView.Option(code, page.t("chart.measure." + m.code(), column.title()),
                            code.equals(measure)));
                }
            }
        }
        return new ChartView(groupBy, period.isEmpty() ? null : period, measure, limit, filter, kind, groups,
                measures, error, result, api, api + "&f=csv");
    }

    private ChartView.Result result(AggregateResult result, PageContext page) {
        String lang = page.lang();
        String groupTitle = result.groupBy().title();
        String measureTitle = result.measured() == null ? page.t("chart.measure.count")
                : page.t("chart.measure." + result.query().measure().code(), result.measured().title());
        boolean periodic = result.query().period() != null;
        List<ChartView.Row> rows = new ArrayList<>();
        for (AggregateResult.Group group : result.groups()) {
            rows.add(new ChartView.Row(label(group.key(), result.query().period(), page),
                    FrenchValues.format(group.value(), lang), group.value() == null ? null : group.value().toPlainString(),
                    FrenchValues.format(group.rows(), lang)));
        }
        ChartView.Row others = result.others() == null ? null : new ChartView.Row(
                page.t("chart.others", FrenchValues.format(result.others().groups(), lang), result.others().groups()),
                FrenchValues.format(result.others().value(), lang),
                result.others().value() == null ? null : result.others().value().toPlainString(),
                FrenchValues.format(result.others().rows(), lang));
        return new ChartView.Result(page.t("chart.caption", measureTitle, groupTitle), groupTitle, measureTitle,
                periodic, result.rows(), result.groupCount(), rows, others);
    }

    private static String label(@Nullable Object key, AggregateQuery.@Nullable Period period, PageContext page) {
        if (key == null) {
            return page.t("chart.empty");
        }
        if (key instanceof java.time.LocalDate date && period != null) {
            return switch (period) {
                case YEAR -> String.valueOf(date.getYear());
                case MONTH -> date.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", page.locale()));
                case DAY -> FrenchValues.format(date, page.lang());
            };
        }
        return FrenchValues.format(key, page.lang());
    }

    /** A text column of few distinct values (2 to 50 in the report), else a date, else the first column. */
    private String defaultGroup(PublishedData data) {
        List<Column> columns = data.version().columns();
        Optional<DataReport> report = report(data).map(DataReports.VersionReport::report);
        if (report.isPresent()) {
            Optional<String> categorical = report.get().columns().stream()
                    .filter(c -> c.distinct() != null && c.distinct() >= 2 && c.distinct() <= 50)
                    .filter(c -> data.version().column(c.name()).map(col -> col.type() == ColumnType.TEXT
                            || col.type() == ColumnType.BOOLEAN).orElse(false))
                    .min(Comparator.comparingLong(c -> columns.indexOf(data.version().column(c.name()).orElseThrow())))
                    .map(DataReport.ColumnReport::name);
            if (categorical.isPresent()) {
                return categorical.get();
            }
        }
        return columns.stream().filter(c -> c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP)
                .findFirst().or(() -> columns.stream().findFirst()).map(Column::name).orElse("");
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A record's published dataset and its served version. */
    record PublishedData(Dataset dataset, DatasetVersion version) {
    }
}
