// The catalogue of one plan command: opened once, and only the part the command needs.
#include "cli.hpp"
#include "kneerehab/core/error.hpp"

namespace kneerehab::cli {

plan_catalogue::plan_catalogue(std::filesystem::path db, catalogue_selection selection)
    : db_(std::move(db)), selection_(std::move(selection)) {}

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
