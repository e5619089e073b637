package dev.dealdesk.policy;

import dev.dealdesk.facts.Deal;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts the rules match for one deal: the {@code Deal} itself, each of its parts that is
 * present ({@code Seller}, {@code Contract}, {@code ValueProof}, {@code CustomerStrategy},
 * {@code Sizing}, {@code CustomerSuccess}, {@code Ownership}, {@code Expansion}) and one
 * {@link MapEntry} per expansion-map entry. An absent part is no fact, so {@code not ValueProof()}
 * reads as "the deal has no value proof".
 */
final class DealFacts {

    private DealFacts() {
    }

    static List<Object> of(Deal deal) {
        List<Object> facts = new ArrayList<>(10 + deal.expansionMap().size());
        facts.add(deal);
        facts.add(deal.seller());
        facts.add(deal.contract());
        addIfPresent(facts, deal.valueProof());
        addIfPresent(facts, deal.customerStrategy());
        addIfPresent(facts, deal.sizing());
        addIfPresent(facts, deal.customerSuccess());
        addIfPresent(facts, deal.ownership());
        addIfPresent(facts, deal.expansion());
        for (int i = 0; i < deal.expansionMap().size(); i++) {
            facts.add(new MapEntry(i, deal.expansionMap().get(i)));
        }
        return facts;
    }

    private static void addIfPresent(List<Object> facts, Object part) {
        if (part != null) {
            facts.add(part);
        }
    }
}
