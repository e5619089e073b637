package dev.dealdesk.policy.compiled;

import dev.dealdesk.policy.MapEntry;
import dev.dealdesk.facts.Contract;
import dev.dealdesk.facts.CustomerStrategy;
import dev.dealdesk.facts.CustomerSuccess;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.Expansion;
import dev.dealdesk.facts.Ownership;
import dev.dealdesk.facts.Seller;
import dev.dealdesk.facts.Sizing;
import dev.dealdesk.facts.ValueProof;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The facts the rules can match for one deal: the {@code Deal} itself, each of its parts that is
 * present ({@code Seller}, {@code Contract}, {@code ValueProof}, {@code CustomerStrategy},
 * {@code Sizing}, {@code CustomerSuccess}, {@code Ownership}, {@code Expansion}) and one
 * {@link MapEntry} per expansion-map entry. An absent part is no fact, so {@code not ValueProof()}
 * reads as "the deal has no value proof".
 *
 * <p>Only the kinds of fact some rule of the policy matches are inserted: every inserted fact costs
 * the engine work for each decision, and a fact no pattern matches cannot change one. Immutable and
 * thread-safe.
 */
final class DealFacts {

    private record Part(Class<?> type, Function<Deal, Object> of) {
    }

    private static final List<Part> PARTS = List.of(
            new Part(Deal.class, deal -> deal),
            new Part(Seller.class, Deal::seller),
            new Part(Contract.class, Deal::contract),
            new Part(ValueProof.class, Deal::valueProof),
            new Part(CustomerStrategy.class, Deal::customerStrategy),
            new Part(Sizing.class, Deal::sizing),
            new Part(CustomerSuccess.class, Deal::customerSuccess),
            new Part(Ownership.class, Deal::ownership),
            new Part(Expansion.class, Deal::expansion));

    private final List<Part> parts;
    private final boolean mapEntries;

    private DealFacts(List<Part> parts, boolean mapEntries) {
        this.parts = parts;
        this.mapEntries = mapEntries;
    }

    /** The facts some pattern in {@code kieBase} matches. */
    static DealFacts matchedBy(KieBase kieBase) {
        List<ObjectTypeNode> nodes = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes();
        List<Part> parts = PARTS.stream().filter(part -> matched(nodes, part.type())).toList();
        return new DealFacts(parts, matched(nodes, MapEntry.class));
    }

    /** The kinds of fact inserted, for tests and diagnostics. */
    List<Class<?>> types() {
        List<Class<?>> types = new ArrayList<>();
        parts.forEach(part -> types.add(part.type()));
        if (mapEntries) {
            types.add(MapEntry.class);
        }
        return types;
    }

    /** Inserts the deal's facts into {@code session}, adding their handles to {@code inserted}. */
    void insert(Deal deal, KieSession session, List<FactHandle> inserted) {
        for (Part part : parts) {
            Object fact = part.of().apply(deal);
            if (fact != null) {
                inserted.add(session.insert(fact));
            }
        }
        if (mapEntries) {
            for (int i = 0; i < deal.expansionMap().size(); i++) {
                inserted.add(session.insert(new MapEntry(i, deal.expansionMap().get(i))));
            }
        }
    }

    private static boolean matched(List<ObjectTypeNode> nodes, Class<?> type) {
        return nodes.stream().anyMatch(node -> node.getObjectType().isAssignableFrom(type));
    }
}
