package fr.mel.opale.ogcapi.filter.cql2;

import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.FilterReader;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The application's {@link FilterReader}: the OGC API's own CQL2 text parser, so a filter means the same in
 * {@code /ogcapi/…/items?filter=} and anywhere else filters are accepted (e.g. a dataset's aggregates).
 * Geometries are taken in CRS84, the storage's axis order.
 */
@Component
class Cql2FilterReader implements FilterReader {
    @Override
    public Filter cql2Text(String text) {
        return Cql2Text.parse(text, UnaryOperator.identity());
    }
}
