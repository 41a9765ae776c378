#include "kneerehab/core/error.hpp"

namespace kneerehab {

std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::invalid_input:
      return "invalid_input";
    case errc::not_found:
      return "not_found";
    case errc::invalid_protocol:
      return "invalid_protocol";
    case errc::invalid_catalogue:
      return "invalid_catalogue";
    case errc::database:
      return "database";
    case errc::io:
      return "io";
  }
  return "unknown";
}

error::error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}

error error::invalid_input(const std::string& message) { return {errc::invalid_input, message}; }
error error::not_found(const std::string& message) { return {errc::not_found, message}; }
error error::invalid_protocol(const std::string& message) {
  return {errc::invalid_protocol, message};
}
error error::invalid_catalogue(const std::string& message) {
  return {errc::invalid_catalogue, message};
}
error error::database(const std::string& message) { return {errc::database, message}; }
error error::io(const std::string& message) { return {errc::io, message}; }

}  // namespace kneerehab
