package dev.dealdesk.policy;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.OwnershipModel;

/**
 * The ownership model the seller's ARR falls in, as a fact a rule may insert for other rules to
 * join. The shipped policy calls {@code ownershipModelFor(arr)} instead, which costs no join;
 * policies written against this fact, such as earlier versions kept in an audit trail, still load.
 *
 * @param model the model
 */
public record SellerOwnershipModel(OwnershipModel model) {

    public SellerOwnershipModel {
        requireNonNull(model, "model");
    }
}
