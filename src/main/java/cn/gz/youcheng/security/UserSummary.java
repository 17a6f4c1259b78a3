package cn.gz.youcheng.security;

import java.time.Instant;

public record UserSummary(long id, String username, Role role, boolean enabled, Instant createdAt,
        Instant passwordChangedAt, boolean mustChangePassword, boolean secondFactor, long version) {

    static UserSummary of(AppUser user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(),
                user.getCreatedAt(), user.getPasswordChangedAt(), user.mustChangePassword(), user.hasSecondFactor(),
                user.getVersion());
    }
}
