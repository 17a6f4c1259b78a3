package cn.gz.youcheng.security.repository;

import cn.gz.youcheng.security.AppUser;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @Query("select u from AppUser u where lower(u.username) = lower(?1)")
    Optional<AppUser> findByUsername(String username);

    /**
     * Spends a code's time step: 1 if it was later than the last one spent, 0 if another sign-in spent it
     * (or a later one) first. Not a change of the account, so its version stays.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update AppUser u set u.totpLastStep = ?2 where u.id = ?1 and (u.totpLastStep is null or u.totpLastStep < ?2)")
    int spendTotpStep(long id, long step);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.role = cn.gz.youcheng.security.Role.ADMIN and u.enabled = true order by u.id")
    List<AppUser> lockEnabledAdministrators();
}
