#pragma once
/// \file enum_names.hpp
/// The accepted spellings of the model's closed sets, for messages that say what is accepted.

#include <string_view>

#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/exercise.hpp"
#include "kneerehab/model/protocol.hpp"

namespace kneerehab {

/// "strength, isometric, ...": every name `parse_...` accepts for `Enum`, in declaration order.
/// Built from the same table as to_string and the parse functions, so they never disagree.
template <typename Enum>
std::string_view accepted_names() noexcept;

template <>
std::string_view accepted_names<exercise_category>() noexcept;
template <>
std::string_view accepted_names<laterality>() noexcept;
template <>
std::string_view accepted_names<load_level>() noexcept;
template <>
std::string_view accepted_names<knee_region>() noexcept;
template <>
std::string_view accepted_names<severity>() noexcept;
template <>
std::string_view accepted_names<running_mode>() noexcept;
template <>
std::string_view accepted_names<surface>() noexcept;
template <>
std::string_view accepted_names<advice_topic>() noexcept;

}  // namespace kneerehab
