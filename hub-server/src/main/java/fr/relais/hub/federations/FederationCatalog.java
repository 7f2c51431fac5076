package fr.relais.hub.federations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The fixed list of federations, read from {@code relais/federations.csv}. */
@Component
public class FederationCatalog {
    private final Map<String, Federation> byCode = new LinkedHashMap<>();

    public FederationCatalog() {
        var resource = new ClassPathResource("relais/federations.csv");
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split(";", 3);
                byCode.put(parts[0], new Federation(parts[0], parts[1], parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Federation> all() {
        return new ArrayList<>(byCode.values());
    }

    public Optional<Federation> find(String code) {
        if (code == null) return Optional.empty();
        return Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }
}
