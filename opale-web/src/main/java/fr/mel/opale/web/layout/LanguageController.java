package fr.mel.opale.web.layout;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /langue?lang=en&retour=/ogcapi/collections?f=html}: the language switch of pages whose own address cannot
 * carry {@code lang} (the OGC API refuses unknown parameters). {@link WebConfiguration}'s interceptor stores the
 * choice; this sends the visitor back, to a path of this site only (never another host: no open redirect).
 */
@Controller
class LanguageController {
    static final String PATH = "/langue";

    static String address(String language, String back) {
        return UriComponentsBuilder.fromPath(PATH).queryParam("lang", language).queryParam("retour", back)
                .encode().build().toUriString();
    }

    @GetMapping(PATH)
    ResponseEntity<Void> switchLanguage(@RequestParam(name = "retour", defaultValue = "/") String back) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(local(back) ? back : "/")).build();
    }

    /** A path of this site: starts with one slash, no backslash, nothing a browser would read as another host. */
    static boolean local(String back) {
        if (!back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(back);
            return uri.getScheme() == null && uri.getHost() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
