package fr.relais.hub.federations.web;

import fr.relais.hub.federations.Federation;
import fr.relais.hub.federations.FederationCatalog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/federations")
class FederationController {
    private final FederationCatalog catalog;

    FederationController(FederationCatalog catalog) {
        this.catalog = catalog;
    }

    record FederationResponse(String code, String name, String region, String channelId) {
    }

    @GetMapping
    List<FederationResponse> list() {
        return catalog.all().stream()
                .map(f -> new FederationResponse(f.code(), f.name(), f.region(), f.channelId()))
                .toList();
    }
}
