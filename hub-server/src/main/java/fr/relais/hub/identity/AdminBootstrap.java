package fr.relais.hub.identity;

import fr.relais.hub.infra.security.SecurityProperties;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** On first start (no users at all) creates the national admin, printing a generated password once if none was given. */
/** Runs before the web server accepts connections, so the admin exists by the time health says UP. */
@Component
class AdminBootstrap implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserDirectory users;
    private final SecurityProperties properties;

    AdminBootstrap(UserDirectory users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!users.isEmpty()) return;
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        try {
            users.create(new NewUser(properties.adminUsername(), "Administration nationale", null,
                    EnumSet.of(Role.NATIONAL_ADMIN), password));
        } catch (fr.relais.hub.common.RelaisException alreadyCreatedByAnotherNode) {
            return;
        }
        if (generated) {
            log.warn("First start: created national admin '{}' with password: {}  (shown once; set RELAIS_ADMIN_PASSWORD to choose it)",
                    properties.adminUsername(), password);
        } else {
            log.info("First start: created national admin '{}'", properties.adminUsername());
        }
    }
}
