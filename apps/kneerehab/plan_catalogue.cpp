// The catalogue of one plan command: opened once, and only the part the command needs.
#include "cli.hpp"
#include "kneerehab/core/error.hpp"

namespace kneerehab::cli {

plan_catalogue::plan_catalogue(std::filesystem::path db, catalogue_selection selection,
                               std::optional<std::filesystem::path> clinic)
    : db_(std::move(db)), selection_(std::move(selection)), clinic_(std::move(clinic)) {
  // A clinic's items are laid over the whole catalogue: no selection.
  if (clinic_) selection_ = catalogue_selection::all();
}

const catalogue_item_source& plan_catalogue::protocol_source(std::string_view id) {
  static const catalogue_item_source built_in{"", item_origin::built_in, builtin_provenance()};
  open();
  return layered_ ? layered_->protocol_source(id) : built_in;
}

const catalogue& plan_catalogue::for_screening() {
  open();
  return *cat_;
}

const catalogue& plan_catalogue::for_request(const plan_request& request) {
  open();
  const bool complete =
      (request.condition_id.empty() || cat_->find_condition(request.condition_id) != nullptr) &&
      (request.protocol_id.empty() || cat_->find_protocol(request.protocol_id) != nullptr);
  if (!complete && selection_.what != catalogue_selection::scope::all) open_whole();
  return *cat_;
}

void plan_catalogue::open() {
  if (failure_) std::rethrow_exception(failure_);
  if (cat_) return;
  try {
    if (clinic_) {
      layered_ = open_layered_catalogue(db_, clinic_);
      cat_ = layered_->cat;
      return;
    }
    cat_ = open_catalogue(db_, selection_);
  } catch (const error& e) {
    if (e.code() != errc::not_found || selection_.what == catalogue_selection::scope::all) {
      failure_ = std::current_exception();
      throw;
    }
    // An id that names nothing: make_plan says so, after its own checks of the request.
    open_whole();
  }
}

void plan_catalogue::open_whole() {
  selection_ = catalogue_selection::all();
  cat_.reset();
  try {
    cat_ = open_catalogue(db_);
  } catch (const error&) {
    failure_ = std::current_exception();
    throw;
  }
}

}  // namespace kneerehab::cli
