package dev.dealdesk.policy;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.OwnershipModel;

/**
 * The ownership model the seller's ARR falls in, asserted by the ownership-model rules for the
 * rules that depend on it.
 *
 * @param model the model
 */
public record SellerOwnershipModel(OwnershipModel model) {

    public SellerOwnershipModel {
        requireNonNull(model, "model");
    }
}
