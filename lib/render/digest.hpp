#pragma once
// Content digests for stable identities (docs/exports.md, "Stable identity"): SHA-256
// (FIPS 180-4) and name-based UUIDs made from it (RFC 9562 version 8, the SHA-256 name-based
// layout of its appendix B.2). Never the clock, never randomness: the same bytes give the same
// id on every machine.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kneerehab::detail {

/// SHA-256 of `bytes`, fed in pieces.
class sha256 {
 public:
  sha256() noexcept;
  sha256& update(std::string_view bytes) noexcept;
  /// The digest; the object is spent afterwards.
  std::array<std::uint8_t, 32> finish() noexcept;

 private:
  void block(const std::uint8_t* data) noexcept;

  std::array<std::uint32_t, 8> state_{};
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  ///< bytes fed so far
};

/// Lower-case hex of the SHA-256 of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

/// "xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx": the first 128 bits of SHA-256(`name`) with the
/// version (8) and variant (10) bits set.
std::string name_uuid(std::string_view name);

}  // namespace kneerehab::detail
