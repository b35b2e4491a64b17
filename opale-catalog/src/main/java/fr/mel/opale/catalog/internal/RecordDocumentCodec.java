package fr.mel.opale.catalog.internal;

import fr.mel.opale.catalog.model.CatalogRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Turns a record into its stored JSON document and back. Its own mapper, independent of the web's, so a change of
 * API settings never changes what is on disk. Unknown properties are ignored on read so that a newer document
 * (written by a later version, then rolled back) still loads.
 */
final class RecordDocumentCodec {
    private final JsonMapper mapper = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String write(CatalogRecord record) {
        return mapper.writeValueAsString(record);
    }

    CatalogRecord read(String document) {
        return mapper.readValue(document, CatalogRecord.class);
    }
}
