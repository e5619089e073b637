package dev.dealdesk.facts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of one deal, as in section 2 of the policy brief. Immutable. Required components are
 * never {@code null}; optional objects are {@code null} when absent; {@code expansionMap} is empty
 * when absent. Build one in Java with {@link #builder()}.
 *
 * @param dealId           the CRM's deal id
 * @param asOf             business date of the decision; rules use it instead of the clock
 * @param motion           land, expansion or renewal
 * @param stage            the stage the deal asks to enter
 * @param segment          customer segment
 * @param acv              annual contract value in US dollars, {@code >= 0}
 * @param touchModel       defaults to {@link TouchModel#HIGH_TOUCH} when {@code null}
 * @param seller           the selling company
 * @param valueProof       the land's value proof, or {@code null}
 * @param expansionMap     the next teams, in input order
 * @param customerStrategy the customer's phased plan, or {@code null}
 * @param sizing           seats needed and purchased, or {@code null}
 * @param customerSuccess  human customer success, or {@code null}
 * @param ownership        expansion ownership, or {@code null}
 * @param contract         the contract
 * @param expansion        expansion progress, or {@code null}
 * @param custom           the custom fields the policy declares, by name; empty when none. As read
 *                         or given, values are text, numbers, booleans or dates; the deciding
 *                         policy checks them against its declaration and gives rules each as its
 *                         declared type (see {@code CustomFieldsSchema}). Rules compare them as
 *                         {@code custom.discountPercent}; consequences read them with
 *                         {@link #customNumber}, {@link #customInteger}, {@link #customText},
 *                         {@link #customFlag} and {@link #customDate}.
 */
public record Deal(String dealId, LocalDate asOf, Motion motion, Stage stage, Segment segment, double acv,
                   TouchModel touchModel, Seller seller, ValueProof valueProof, List<ExpansionTarget> expansionMap,
                   CustomerStrategy customerStrategy, Sizing sizing, CustomerSuccess customerSuccess,
                   Ownership ownership, Contract contract, Expansion expansion, Map<String, Object> custom) {

    public Deal {
        requireNonNull(dealId, "dealId");
        requireNonNull(asOf, "asOf");
        requireNonNull(motion, "motion");
        requireNonNull(stage, "stage");
        requireNonNull(segment, "segment");
        Checks.notNegative(acv, "acv");
        touchModel = touchModel == null ? TouchModel.HIGH_TOUCH : touchModel;
        requireNonNull(seller, "seller");
        expansionMap = expansionMap == null ? List.of() : List.copyOf(expansionMap);
        requireNonNull(contract, "contract");
        custom = custom == null || custom.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /**
     * The custom field {@code field}, a number or an integer, as a double.
     *
     * @throws IllegalStateException when the deal does not hold it (a rule should test
     *                               {@code custom.field != null} in its condition first)
     */
    public double customNumber(String field) {
        return custom(field, Number.class).doubleValue();
    }

    /** The custom integer field {@code field}. @throws IllegalStateException when absent or not an integer */
    public int customInteger(String field) {
        return custom(field, Integer.class);
    }

    /** The custom string or enum field {@code field}. @throws IllegalStateException when absent or not text */
    public String customText(String field) {
        return custom(field, String.class);
    }

    /** The custom boolean field {@code field}. @throws IllegalStateException when absent or not a boolean */
    public boolean customFlag(String field) {
        return custom(field, Boolean.class);
    }

    /** The custom date field {@code field}. @throws IllegalStateException when absent or not a date */
    public LocalDate customDate(String field) {
        return custom(field, LocalDate.class);
    }

    private <T> T custom(String field, Class<T> type) {
        Object value = custom.get(field);
        if (!type.isInstance(value)) {
            throw new IllegalStateException(value == null ? "the deal holds no custom field " + field
                    : "custom field " + field + " is not a " + type.getSimpleName() + ": " + value);
        }
        return type.cast(value);
    }

    /** The quarter that contains {@link #asOf()}. */
    public Quarter asOfQuarter() {
        return Quarter.of(asOf);
    }

    /**
     * A builder with an empty expansion map and every other component unset. Required: {@code dealId},
     * {@code asOf}, {@code motion}, {@code stage}, {@code segment}, {@code acv}, {@code seller} and
     * {@code contract}; the rest are optional and default as the constructor says.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Deal} through its canonical constructor, so it checks what the constructor
     * checks. Not thread-safe; each {@link #build()} gives a new record from the current settings.
     */
    public static final class Builder {
        private String dealId;
        private LocalDate asOf;
        private Motion motion;
        private Stage stage;
        private Segment segment;
        private Double acv;
        private TouchModel touchModel;
        private Seller seller;
        private ValueProof valueProof;
        private final List<ExpansionTarget> expansionMap = new ArrayList<>();
        private CustomerStrategy customerStrategy;
        private Sizing sizing;
        private CustomerSuccess customerSuccess;
        private Ownership ownership;
        private Contract contract;
        private Expansion expansion;
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder dealId(String dealId) {
            this.dealId = dealId;
            return this;
        }

        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder motion(Motion motion) {
            this.motion = motion;
            return this;
        }

        public Builder stage(Stage stage) {
            this.stage = stage;
            return this;
        }

        public Builder segment(Segment segment) {
            this.segment = segment;
            return this;
        }

        public Builder acv(double acv) {
            this.acv = acv;
            return this;
        }

        public Builder touchModel(TouchModel touchModel) {
            this.touchModel = touchModel;
            return this;
        }

        public Builder seller(Seller seller) {
            this.seller = seller;
            return this;
        }

        public Builder valueProof(ValueProof valueProof) {
            this.valueProof = valueProof;
            return this;
        }

        /**
         * Replaces the expansion map with {@code targets}, in order; {@code null} means none.
         *
         * @throws NullPointerException when an element is {@code null}
         */
        public Builder expansionMap(List<ExpansionTarget> targets) {
            expansionMap.clear();
            if (targets != null) {
                targets.forEach(this::addExpansionTarget);
            }
            return this;
        }

        /**
         * Appends one entry to the expansion map, after those already given.
         *
         * @throws NullPointerException when {@code target} is {@code null}
         */
        public Builder addExpansionTarget(ExpansionTarget target) {
            expansionMap.add(requireNonNull(target, "expansion target"));
            return this;
        }

        public Builder customerStrategy(CustomerStrategy customerStrategy) {
            this.customerStrategy = customerStrategy;
            return this;
        }

        public Builder sizing(Sizing sizing) {
            this.sizing = sizing;
            return this;
        }

        public Builder customerSuccess(CustomerSuccess customerSuccess) {
            this.customerSuccess = customerSuccess;
            return this;
        }

        public Builder ownership(Ownership ownership) {
            this.ownership = ownership;
            return this;
        }

        public Builder contract(Contract contract) {
            this.contract = contract;
            return this;
        }

        public Builder expansion(Expansion expansion) {
            this.expansion = expansion;
            return this;
        }

        /** Sets one custom field (see {@link Deal#custom()}); a {@code null} value removes it. */
        public Builder custom(String field, Object value) {
            if (value == null) {
                custom.remove(requireNonNull(field, "field"));
            } else {
                custom.put(requireNonNull(field, "field"), value);
            }
            return this;
        }

        /**
         * @throws NullPointerException     when a required component is unset, naming it
         * @throws IllegalArgumentException when the constructor refuses a value, naming it
         */
        public Deal build() {
            // acv is a double, which the constructor cannot see missing.
            double checkedAcv = requireNonNull(acv, "acv");
            return new Deal(dealId, asOf, motion, stage, segment, checkedAcv, touchModel, seller, valueProof,
                    expansionMap, customerStrategy, sizing, customerSuccess, ownership, contract, expansion, custom);
        }
    }
}
