package cn.gz.youcheng.registry;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.RegistryCommands.SaveExchange;
import cn.gz.youcheng.registry.RegistryValidationException.Problem;
import cn.gz.youcheng.registry.repository.AgreementRepository;
import cn.gz.youcheng.registry.repository.DocumentRepository;
import cn.gz.youcheng.registry.repository.ExchangeRepository;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a partner's exchanges, as {@link RegistryService} for partners and agreements: one
 * transaction and one audit revision each, security checked here, the rules of {@link RegistryCommands} and
 * the registry's own, and a refusal of a change to an exchange someone else changed meanwhile.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
public class ExchangeService {

    private static final Logger log = LoggerFactory.getLogger(ExchangeService.class);

    private final ExchangeRepository exchanges;
    private final PartnerRepository partners;
    private final AgreementRepository agreements;
    private final CommandRules rules;
    private final JdbcClient jdbc;
    private final DocumentRepository documents;

    ExchangeService(ExchangeRepository exchanges, PartnerRepository partners, AgreementRepository agreements,
            CommandRules rules, DataSource dataSource, DocumentRepository documents) {
        this.documents = documents;
        this.exchanges = exchanges;
        this.partners = partners;
        this.agreements = agreements;
        this.rules = rules;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A partner's exchanges, published or not, newest first, for the admin form. */
    @Transactional(readOnly = true)
    public List<ExchangeEditing> exchangesForEditing(long partnerId) {
        return exchanges.ofPartner(partnerId).stream().map(ExchangeEditing::of).toList();
    }

    /** Adds an exchange ({@code exchangeId} null) or saves an edited one; returns its id. */
    public long save(SaveExchange command) {
        // The registry's turn first, then the partner: the order every writer takes (RegistryService).
        RegistryService.takeTurn(jdbc);
        Partner partner = partners.lockById(command.partnerId())
                .orElseThrow(() -> new ObjectOptimisticLockingFailureException(Partner.class, command.partnerId()));
        Long exchangeId = command.exchangeId();
        Exchange exchange;
        if (exchangeId == null) {
            exchange = new Exchange(partner);
        } else {
            exchange = exchanges.findById(exchangeId)
                    .filter(found -> found.getVersion() == command.version())
                    .filter(found -> found.getPartner().getId().equals(partner.getId()))
                    .orElseThrow(() -> new ObjectOptimisticLockingFailureException(Exchange.class, exchangeId));
        }
        List<Problem> problems = new ArrayList<>(rules.problems(command));
        String titleZh = Text.stored(command.titleZh());
        String titleEn = Text.stored(command.titleEn());
        if (titleZh == null && titleEn == null) {
            problems.add(new Problem("titleZh", "validation.title-in-either-language"));
        }
        if (command.startsOn() != null && command.endsOn() != null && command.endsOn().isBefore(command.startsOn())) {
            problems.add(new Problem("endsOn", "validation.date-before", command.startsOn()));
        }
        Agreement agreement = null;
        if (command.agreementId() != null) {
            agreement = agreements.findById(command.agreementId())
                    .filter(found -> found.getPartner().getId().equals(partner.getId())).orElse(null);
            if (agreement == null) {
                problems.add(new Problem("agreementId", "validation.agreement-of-another-partner"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RegistryValidationException(problems);
        }
        exchange.describe(agreement, Objects.requireNonNull(command.startsOn()), command.endsOn(),
                Objects.requireNonNull(command.kind()), command.themes(), titleZh, titleEn,
                Text.stored(command.summaryZh()), Text.stored(command.summaryEn()), Text.stored(command.guangzhouUnit()),
                Text.stored(command.partnerUnit()), command.participants(), Text.stored(command.sourceUrl()),
                command.published());
        long id = exchanges.saveAndFlush(exchange).getId();
        log.info("Exchange {} of partner {} {} ({}, {})", id, partner.getId(),
                command.exchangeId() == null ? "added" : "saved", command.kind(), command.published() ? "published" : "internal");
        return id;
    }

    /** Deletes an exchange with its documents and their files; their history stays in the audit trail. */
    public void delete(long exchangeId, long version) {
        RegistryService.takeTurn(jdbc);
        Exchange exchange = exchanges.findById(exchangeId).filter(found -> found.getVersion() == version)
                .orElseThrow(() -> new ObjectOptimisticLockingFailureException(Exchange.class, exchangeId));
        partners.lockById(exchange.getPartner().getId());
        documents.deleteAll(documents.ofExchange(exchangeId));
        documents.flush();
        exchanges.delete(exchange);
        exchanges.flush();
        log.info("Exchange {} of partner {} deleted", exchangeId, exchange.getPartner().getId());
    }
}
