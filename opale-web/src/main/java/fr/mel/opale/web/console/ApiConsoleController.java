package fr.mel.opale.web.console;

import fr.mel.opale.web.assets.Assets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /api/console[?api=opale|ogc]}: an interactive console (Swagger UI) over one of the two OpenAPI
 * documents, Opale's API ({@code /api/openapi.json}) or the OGC API ({@code /ogcapi/api?f=json}). Only those two:
 * the page never loads a document from an address given in the URL (a console pointed at another server by a link
 * would run its requests with the visitor's session). The console itself is loaded by the page's small module, so
 * no other page downloads it.
 */
@Controller
class ApiConsoleController {
    /** The documents the console offers, by their {@code api} parameter. */
    enum Api {
        OPALE("/api/openapi.json"), OGC("/ogcapi/api?f=json");

        final String document;

        Api(String document) {
            this.document = document;
        }

        static Api of(@Nullable String value) {
            return "ogc".equals(value) ? OGC : OPALE;
        }
    }

    private final Assets assets;

    ApiConsoleController(Assets assets) {
        this.assets = assets;
    }

    @GetMapping("/api/console")
    String console(@RequestParam(required = false) @Nullable String api, Model model) {
        Api chosen = Api.of(api);
        model.addAttribute("ogc", chosen == Api.OGC);
        model.addAttribute("document", chosen.document);
        model.addAttribute("script", assets.url("console.js"));
        return "console/page";
    }
}
