package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.base.Guangzhou;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Adds the counts of each year that has ended (V16, decision record 0018) once it has: at start-up, after
 * the official list is loaded into an empty registry, and every night. The writes keep the counts of the
 * year ends there are; which there are decides only how many changes a read of another date adds up, so a
 * missed night costs speed, never a wrong number.
 */
@Component
class YearEndCounts {

    private static final Logger log = LoggerFactory.getLogger(YearEndCounts.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    YearEndCounts(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Adds the year ends before today's year that have no counts yet; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 7 0 * * *", zone = Guangzhou.ZONE_ID)
    public int keepUpToToday() {
        LocalDate today = LocalDate.now(clock);
        try {
            Integer added = jdbc.sql("select keep_standing_year_ends(:today)").param("today", today)
                    .query(Integer.class).single();
            if (added != null && added > 0) {
                log.info("Counted the official lists at {} more year ends, through {}", added, today.getYear() - 1);
            }
            return added == null ? 0 : added;
        } catch (DataAccessException failed) {
            // Reads of earlier dates stay right without them, only slower: not a reason to stop the server.
            log.warn("Could not count the official lists at the year ends that have passed", failed);
            return 0;
        }
    }
}
