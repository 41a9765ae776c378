#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <string_view>

#include "kneerehab/core/error.hpp"
#include "kneerehab/model/date.hpp"
#include "kneerehab/model/pain.hpp"
#include "kneerehab/model/units.hpp"

using namespace kneerehab;

TEST(Date, ParsesIsoAndRejectsImpossibleDays) {
  EXPECT_EQ(date::parse_iso("2028-02-29")->iso(), "2028-02-29");
  EXPECT_FALSE(date::parse_iso("2026-02-29"));
  EXPECT_FALSE(date::parse_iso("2026-13-01"));
  EXPECT_FALSE(date::parse_iso("2026-1-01"));
  EXPECT_FALSE(date::parse_iso("26-01-01xx"));
  EXPECT_FALSE(date::parse_iso(""));
}

TEST(Date, ArithmeticCrossesLeapDaysAndYearEnds) {
  const auto d = date::from_ymd(2028, 2, 28);
  EXPECT_EQ(d.plus_days(1).iso(), "2028-02-29");
  EXPECT_EQ(d.plus_days(2).iso(), "2028-03-01");
  EXPECT_EQ(date::from_ymd(2026, 12, 28).plus_days(7).iso(), "2027-01-04");
  EXPECT_EQ(days_between(date::from_ymd(2026, 12, 31), date::from_ymd(2027, 1, 1)), 1);
}

TEST(Date, WeekdaysAreIsoOrdered) {
  EXPECT_EQ(date::from_ymd(2026, 11, 23).day_of_week(), weekday::mon);
  EXPECT_EQ(date::from_ymd(2026, 11, 21).day_of_week(), weekday::sat);
  EXPECT_EQ(date::from_ymd(1969, 12, 31).day_of_week(), weekday::wed);
  EXPECT_EQ(parse_weekday("Wednesday"), weekday::wed);
  EXPECT_EQ(parse_weekday("fri"), weekday::fri);
  EXPECT_FALSE(parse_weekday("funday"));
}

TEST(Date, FromYmdThrowsWithAcceptedRange) {
  try {
    (void)date::from_ymd(2026, 2, 30);
    FAIL() << "expected an error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_input);
    EXPECT_STREQ(e.what(),
                 "2026-02-30 is not a calendar date; accepted: a real day between 1900-01-01 "
                 "and 9999-12-31");
  }
}

TEST(Distance, ConvertsMilesAndRejectsNegative) {
  EXPECT_DOUBLE_EQ(distance::from_miles(1).km(), 1.609344);
  EXPECT_DOUBLE_EQ(distance::from(10, unit_system::mi).miles(), 10);
  EXPECT_THROW((void)distance::from_km(-1), error);
  EXPECT_EQ((distance::from_km(2) - distance::from_km(5)).km(), 0.0);
}

TEST(Pace, ParsesPerKmAndPerMile) {
  EXPECT_DOUBLE_EQ(pace::parse("6:30", unit_system::km).seconds_per_km(), 390);
  EXPECT_NEAR(pace::parse("10:00", unit_system::mi).seconds_per_km(), 600 / 1.609344, 1e-9);
  EXPECT_EQ(pace::parse("6:30", unit_system::km).format(unit_system::km), "6:30");
  EXPECT_DOUBLE_EQ(pace::parse("5:00", unit_system::km).minutes_for(distance::from_km(2)), 10);
  try {
    (void)pace::parse("0:00", unit_system::km);
    FAIL();
  } catch (const error& e) {
    EXPECT_STREQ(e.what(), "pace '0:00' per km is out of range; accepted: 2:00 to 20:00 per km");
  }
  EXPECT_THROW((void)pace::parse("6:60", unit_system::km), error);
  EXPECT_THROW((void)pace::parse("abc", unit_system::km), error);
}

namespace {
std::string pace_error(std::string_view text, unit_system units) {
  try {
    (void)pace::parse(text, units);
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_input);
    return e.what();
  }
  return "(no error)";
}
}  // namespace

// The range a message states is the range parse() accepts, at both ends, in either unit.
TEST(Pace, StatedRangeIsTheAcceptedRangeInTheCallersUnits) {
  EXPECT_EQ(pace::accepted_range(unit_system::km), "2:00 to 20:00 per km");
  EXPECT_EQ(pace::accepted_range(unit_system::mi), "3:14 to 32:11 per mi");
  EXPECT_NO_THROW((void)pace::parse("2:00", unit_system::km));
  EXPECT_NO_THROW((void)pace::parse("20:00", unit_system::km));
  EXPECT_EQ(pace_error("1:59", unit_system::km),
            "pace '1:59' per km is out of range; accepted: 2:00 to 20:00 per km");
  EXPECT_EQ(pace_error("20:01", unit_system::km),
            "pace '20:01' per km is out of range; accepted: 2:00 to 20:00 per km");
  // 3:13 per mile is 1:59.9 per km: just too fast.
  EXPECT_EQ(pace_error("3:13", unit_system::mi),
            "pace '3:13' per mi is out of range; accepted: 3:14 to 32:11 per mi");
  EXPECT_NO_THROW((void)pace::parse("3:14", unit_system::mi));
  EXPECT_NO_THROW((void)pace::parse("32:11", unit_system::mi));
  EXPECT_EQ(pace_error("32:12", unit_system::mi),
            "pace '32:12' per mi is out of range; accepted: 3:14 to 32:11 per mi");
}

TEST(Pain, RangeIsZeroToTen) {
  EXPECT_EQ(pain_score::from_int(10).value(), 10);
  EXPECT_FALSE(pain_score::checked(11));
  EXPECT_THROW((void)pain_score::from_int(-1), error);
}

// Hardening: dates at the ends of the calendar give kneerehab::error, never overflow.
TEST(Date, MovingPastTheCalendarIsAnError) {
  const auto last = kneerehab::date::from_ymd(9999, 12, 31);
  EXPECT_EQ(last, kneerehab::date::latest());
  EXPECT_EQ(kneerehab::date::from_ymd(1900, 1, 1), kneerehab::date::earliest());
  EXPECT_FALSE(last.try_plus_days(1).has_value());
  EXPECT_FALSE(last.try_plus_days(std::numeric_limits<int>::max()).has_value());
  EXPECT_FALSE(kneerehab::date::earliest().try_plus_days(std::numeric_limits<int>::min()));
  EXPECT_EQ(last.plus_days(-1).iso(), "9999-12-30");
  try {
    (void)last.plus_days(1);
    FAIL() << "no error";
  } catch (const kneerehab::error& e) {
    EXPECT_EQ(e.code(), kneerehab::errc::invalid_input);
    EXPECT_STREQ(e.what(),
                 "9999-12-31 plus 1 days falls outside the calendar kneerehab handles; accepted: "
                 "dates from 1900-01-01 to 9999-12-31");
  }
}

TEST(Date, WeekdayOutOfRangeHasNoName) {
  EXPECT_EQ(kneerehab::to_string(static_cast<kneerehab::weekday>(9)), "unknown");
}
