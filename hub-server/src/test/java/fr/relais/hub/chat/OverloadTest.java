package fr.relais.hub.chat;

import fr.relais.hub.support.HubIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** A channel with more than two writes waiting refuses new ones. */
@HubIntegrationTest
@TestPropertySource(properties = "relais.limits.max-pending-per-channel=2")
class OverloadTest extends OverloadScenario {
}
