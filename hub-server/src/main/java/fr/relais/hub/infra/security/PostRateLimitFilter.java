package fr.relais.hub.infra.security;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.infra.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Throttles {@code POST /api/v1/channels/{id}/messages} per user: 429 {@code rate_limited} with {@code Retry-After}. */
@Component
class PostRateLimitFilter extends OncePerRequestFilter {
    private static final Pattern POST_MESSAGE = Pattern.compile("/api/v1/channels/[^/]+/messages");

    private final RateLimits limits;
    private final ProblemWriter problems;

    PostRateLimitFilter(RateLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !POST_MESSAGE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof UserAuthentication user) {
            OptionalLong wait = limits.tryPost(user.user());
            if (wait.isPresent()) {
                response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
                problems.write(response, ErrorCode.RATE_LIMITED, "Too many messages; slow down");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
