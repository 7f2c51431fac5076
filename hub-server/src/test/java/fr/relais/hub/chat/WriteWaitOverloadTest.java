package fr.relais.hub.chat;

import fr.relais.hub.support.HubIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * While the oldest write waiting for the writer has waited more than 1 ms, new ones are refused; the
 * writer starting a batch at most every 5 ms makes writes of a surge wait that long.
 */
@HubIntegrationTest
@TestPropertySource(properties = {"relais.limits.max-write-wait=1ms", "relais.limits.commit-interval=5ms"})
class WriteWaitOverloadTest extends OverloadScenario {
}
