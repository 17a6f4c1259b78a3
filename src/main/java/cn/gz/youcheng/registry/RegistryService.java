package cn.gz.youcheng.registry;

import cn.gz.youcheng.base.LogSafe;
import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.RegistryCommands.AddPartner;
import cn.gz.youcheng.registry.RegistryCommands.ChangeStatus;
import cn.gz.youcheng.registry.RegistryCommands.EditAgreement;
import cn.gz.youcheng.registry.RegistryCommands.EditPartner;
import cn.gz.youcheng.registry.RegistryCommands.Upgrade;
import cn.gz.youcheng.registry.RegistryValidationException.Problem;
import cn.gz.youcheng.registry.repository.AgreementRepository;
import cn.gz.youcheng.registry.repository.CountryRepository;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to the registry. Each method is one transaction, so one audit revision attributed to the
 * signed-in officer, and checks the security itself: a view is never the only guard. A change that
 * breaks a rule saves nothing and says why; a change to a record someone else changed meanwhile is
 * refused with an optimistic-locking failure.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
public class RegistryService {

    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);
    private final PartnerRepository partners;
    private final AgreementRepository agreements;
    private final CountryRepository countries;
    private final JdbcClient jdbc;
    private final CommandRules rules;

    RegistryService(PartnerRepository partners, AgreementRepository agreements, CountryRepository countries,
            DataSource dataSource, CommandRules rules) {
        this.jdbc = JdbcClient.create(dataSource);
        this.partners = partners;
        this.agreements = agreements;
        this.countries = countries;
        this.rules = rules;
    }

    /** A partner with its agreements as they are now, for the admin form. */
    @Transactional(readOnly = true)
    public Optional<PartnerEditing> partnerForEditing(long id) {
        return partners.findById(id).map(partner -> new PartnerEditing(partner.getId(), partner.getVersion(),
                partner.getNameZh(), partner.getNameEn(), partner.getCountry().getIso2(),
                partner.getCountry().getNameZh(), partner.getCountry().getNameEn(), partner.getAdminLevel(),
                partner.getLatitude(), partner.getLongitude(), partner.getGeonamesId(), partner.getWikidataQid(),
                partner.upgradableMemorandum().isPresent(),
                partner.getAgreements().stream().map(a -> new PartnerEditing.AgreementEditing(a.getId(),
                        a.getVersion(), a.getKind(), a.getSignedOn(), a.getPlaceSigned(), a.getSource(), a.getInternalNote(),
                        a.getStatus(), a.latestChangeOn(), a.getStatusChanges().stream()
                        .map(c -> new PartnerEditing.StatusChangeEditing(c.getStatus(), c.getEffectiveOn(), c.getReason(),
                                c.getInternalNote())).toList())).toList()));
    }

    /** Every country the registry knows, for choosing the country of a new partner. */
    @Transactional(readOnly = true)
    public List<CountryOption> countries() {
        return CountryNames.all(countries.findAll().stream()
                .map(c -> new CountryOption(c.getIso2(), c.getNameZh(), c.getNameEn(), c.getContinent()))
                .toList());
    }

    /** Adds a partner with its first agreement; returns the partner's id. */
    public long addPartner(AddPartner command) {
        takeTurn();
        List<Problem> problems = new ArrayList<>(rules.problems(command));
        String nameZh = Text.stored(command.nameZh());
        String iso2 = command.countryIso2() == null ? "" : command.countryIso2().strip().toUpperCase(Locale.ROOT);
        Optional<Country> existing = iso2.isEmpty() ? Optional.empty() : countries.findById(iso2);
        if (!CountryNames.isIsoCode(iso2)) {
            problems.add(new Problem("country", "validation.required"));
        } else if (existing.isEmpty() && command.continent() == null) {
            problems.add(new Problem("continent", "validation.continent-for-new-country"));
        }
        if (nameZh != null && !iso2.isEmpty() && partners.findByIdentity(nameZh, iso2).isPresent()) {
            problems.add(new Problem("nameZh", "validation.partner-exists"));
        }
        fail(problems);

        Country country = existing.orElseGet(() -> countries.save(new Country(iso2, CountryNames.chinese(iso2),
                CountryNames.english(iso2), required(command.continent()))));
        Partner partner = new Partner(required(nameZh), required(Text.stored(command.nameEn())), country,
                required(command.adminLevel()));
        partner.locate(command.latitude(), command.longitude(), command.latitude() == null ? null : "entered by office");
        Agreement agreement = partner.sign(required(command.kind()), required(command.signedOn()));
        agreement.setPlaceSigned(Text.stored(command.placeSigned()));
        agreement.setSource(Text.stored(command.source()));
        agreement.setInternalNote(Text.stored(command.internalNote()));
        long id = partners.saveAndFlush(partner).getId();
        log.info("Partner {} {} ({}) added with a {} agreement signed {}", id, LogSafe.of(partner.getNameZh()), iso2,
                command.kind(), command.signedOn());
        return id;
    }

    public void editPartner(EditPartner command) {
        takeTurn();
        Partner partner = partner(command.partnerId(), command.version());
        List<Problem> problems = new ArrayList<>(rules.problems(command));
        String nameZh = Text.stored(command.nameZh());
        if (nameZh != null) {
            partners.findByIdentity(nameZh, partner.getCountry().getIso2())
                    .filter(other -> !other.getId().equals(partner.getId()))
                    .ifPresent(other -> problems.add(new Problem("nameZh", "validation.partner-exists")));
        }
        String wikidataQid = Text.stored(command.wikidataQid());
        if (wikidataQid != null) {
            partners.findByWikidataQid(wikidataQid)
                    .filter(other -> !other.getId().equals(partner.getId()))
                    .ifPresent(other -> problems.add(new Problem("wikidataQid", "validation.wikidata-qid-taken",
                            other.getNameZh() + " (" + other.getCountry().getNameZh() + ")")));
        }
        fail(problems);
        String geonamesId = Text.stored(command.geonamesId());
        partner.identify(geonamesId == null ? null : Long.valueOf(geonamesId), wikidataQid);
        partner.setNameZh(required(nameZh));
        partner.setNameEn(required(Text.stored(command.nameEn())));
        partner.setAdminLevel(required(command.adminLevel()));
        boolean moved = !java.util.Objects.equals(partner.getLatitude(), command.latitude())
                || !java.util.Objects.equals(partner.getLongitude(), command.longitude());
        if (moved) {
            partner.locate(command.latitude(), command.longitude(), "entered by office");
        }
        partners.saveAndFlush(partner);
    }

    public void editAgreement(EditAgreement command) {
        takeTurn();
        Agreement agreement = agreement(command.agreementId(), command.version());
        List<Problem> problems = new ArrayList<>(rules.problems(command));
        LocalDate firstChange = agreement.getStatusChanges().size() > 1
                ? agreement.getStatusChanges().get(1).getEffectiveOn() : null;
        if (command.signedOn() != null && firstChange != null && command.signedOn().isAfter(firstChange)) {
            problems.add(new Problem("signedOn", "validation.signed-after-status-change", firstChange));
        }
        fail(problems);
        agreement.moveSigningDate(required(command.signedOn()));
        agreement.setPlaceSigned(Text.stored(command.placeSigned()));
        agreement.setSource(Text.stored(command.source()));
        agreement.setInternalNote(Text.stored(command.internalNote()));
        agreements.saveAndFlush(agreement);
    }

    /**
     * 升级: the partner signs a sister-city agreement. Its active exchange memorandum becomes SUPERSEDED on
     * that date, linked to the new agreement, so the partner moves to the sister-city list and both dates
     * stay in its history. Returns the new agreement's id.
     */
    public long upgrade(Upgrade command) {
        takeTurn();
        partners.lockById(command.partnerId());
        Partner partner = partner(command.partnerId(), command.version());
        List<Problem> problems = new ArrayList<>(rules.problems(command));
        Optional<Agreement> memorandum = partner.upgradableMemorandum();
        if (memorandum.isEmpty()) {
            problems.add(new Problem("partner", "validation.upgrade-needs-active-exchange"));
        }
        notBefore(command.signedOn(), "signedOn", memorandum.map(Agreement::latestChangeOn).orElse(null), problems);
        fail(problems);

        Agreement sisterCity = partner.sign(AgreementKind.SISTER_CITY, required(command.signedOn()));
        sisterCity.setPlaceSigned(Text.stored(command.placeSigned()));
        sisterCity.setSource(Text.stored(command.source()));
        // Persisted first (not merged through the partner), so that the memorandum can point to it.
        agreements.saveAndFlush(sisterCity);
        memorandum.orElseThrow().supersede(sisterCity);
        agreements.saveAndFlush(memorandum.orElseThrow());
        log.info("Partner {} {} upgraded to sister city on {}", partner.getId(), LogSafe.of(partner.getNameZh()), command.signedOn());
        return sisterCity.getId();
    }

    /** Suspends, terminates or reinstates an agreement. */
    public void changeStatus(ChangeStatus command) {
        takeTurn();
        lockPartnerOf(command.agreementId());
        Agreement agreement = agreement(command.agreementId(), command.version());
        List<Problem> problems = new ArrayList<>(rules.problems(command));
        AgreementStatus from = agreement.getStatus();
        AgreementStatus to = command.status();
        if (to != null && !from.canChangeTo(to)) {
            problems.add(new Problem("status", "validation.status-change-not-allowed"));
        }
        if (to == AgreementStatus.ACTIVE && agreement.getPartner().getAgreements().stream()
                .anyMatch(a -> a != agreement && a.getStatus() == AgreementStatus.ACTIVE)) {
            problems.add(new Problem("status", "validation.partner-already-active"));
        }
        notBefore(command.effectiveOn(), "effectiveOn", agreement.latestChangeOn(), problems);
        fail(problems);
        agreement.changeStatus(required(to), required(command.effectiveOn()), Text.stored(command.reason()))
                .setInternalNote(Text.stored(command.internalNote()));
        agreements.saveAndFlush(agreement);
        log.info("Agreement {} of partner {} is {} from {}", agreement.getId(), agreement.getPartner().getId(), to,
                command.effectiveOn());
    }

    /**
     * Every change of the registry counts up its version (V6), which locks that one row until the commit, so
     * writers take turns anyway. Taking the turn first, before any other lock, keeps the order the same for
     * every writer: a writer holding a partner's lock can never wait for the version while the version's
     * holder (a long import, say) waits for that partner.
     */
    private void takeTurn() {
        takeTurn(jdbc);
    }

    /** The registry's turn, for every service that writes to it: the first lock each of their writes takes. */
    static void takeTurn(JdbcClient jdbc) {
        jdbc.sql("select version from registry_version for update").query(Long.class).single();
    }

    /**
     * Locks the partner of an agreement before the agreement and its siblings are read, so that two changes of
     * one partner's agreements run one after the other and the second sees the first.
     */
    private void lockPartnerOf(long agreementId) {
        agreements.partnerIdOf(agreementId).ifPresent(partners::lockById);
    }

    private Partner partner(long id, long version) {
        Partner partner = partners.findById(id).orElseThrow(() -> new ObjectOptimisticLockingFailureException(Partner.class, id));
        if (partner.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Partner.class, id);
        }
        return partner;
    }

    private Agreement agreement(long id, long version) {
        Agreement agreement = agreements.findById(id)
                .orElseThrow(() -> new ObjectOptimisticLockingFailureException(Agreement.class, id));
        if (agreement.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Agreement.class, id);
        }
        return agreement;
    }

    /** A date of a change cannot come before the agreement's latest change (or the memorandum's). */
    private static void notBefore(@Nullable LocalDate date, String field, @Nullable LocalDate notBefore,
            List<Problem> problems) {
        if (date != null && notBefore != null && date.isBefore(notBefore)) {
            problems.add(new Problem(field, "validation.date-before", notBefore));
        }
    }

    /** A value the command's rules require: present once {@link #fail} has let the request through. */
    private static <T> T required(@Nullable T value) {
        return Objects.requireNonNull(value, "checked by the command's rules");
    }

    private static void fail(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RegistryValidationException(problems);
        }
    }

}
