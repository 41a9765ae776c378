// One catalogue, many planners at once: a loaded catalogue is immutable, and make_plan and
// render_json are pure functions of their arguments, so 8 threads planning every protocol at
// the same time must produce exactly the plans (compared as rendered JSON) that one thread
// does. Runs under the asan preset too (and is the test to run under ThreadSanitizer).
#include <gtest/gtest.h>

#include "support/shipped_catalogue.hpp"

#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/render/render.hpp"
#include "planner_fixtures.hpp"

using namespace kneerehab;

namespace {

constexpr int thread_count = 8;
constexpr int rounds = 3;  // each thread plans every protocol this many times

/// Requests for every protocol in the catalogue, in two runner profiles (one cautious, with
/// a fixed length, so that different code paths run side by side).
std::vector<plan_request> every_protocol(const catalogue& cat) {
  std::vector<plan_request> out;
  for (const auto& proto : cat.protocols()) {
    plan_request r = kneerehab::testing::standard_request();
    r.protocol_id = proto.id;
    out.push_back(r);
    r.profile.age = 62;
    r.profile.prior_injuries = 1;
    r.profile.baseline = distance::from_km(25);
    r.profile.current = distance::from_km(5);
    r.weeks = 20;
    out.push_back(r);
  }
  return out;
}

/// The outcome as text: the plan's JSON, the referral, or the error message.
std::string outcome_text(const catalogue& cat, const plan_request& request) {
  try {
    const auto outcome = make_plan(cat, request);
    if (const auto* p = std::get_if<plan>(&outcome)) return render_json(*p);
    return "referral: " + std::get<referral>(outcome).message;
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what();
  }
}

void check_threads_agree(const catalogue& cat) {
  const auto requests = every_protocol(cat);
  ASSERT_FALSE(requests.empty());
  std::vector<std::string> expected;
  expected.reserve(requests.size());
  for (const auto& r : requests) expected.push_back(outcome_text(cat, r));

  // results[t][i]: thread t's outcome for request i in its last round, and how many of its
  // rounds differed from one thread's answer.
  std::vector<std::vector<std::string>> results(thread_count);
  std::vector<int> mismatches(thread_count, 0);
  std::latch start(thread_count);
  {
    std::vector<std::jthread> threads;
    threads.reserve(thread_count);
    for (int t = 0; t < thread_count; ++t) {
      threads.emplace_back([&, t] {
        auto& mine = results[static_cast<std::size_t>(t)];
        start.arrive_and_wait();  // all threads plan at once
        for (int round = 0; round < rounds; ++round) {
          mine.clear();
          // Each thread starts at a different protocol so the same one is rarely in step.
          for (std::size_t k = 0; k < requests.size(); ++k) {
            const std::size_t i = (k + static_cast<std::size_t>(t)) % requests.size();
            std::string text = outcome_text(cat, requests[i]);
            if (text != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
            mine.push_back(std::move(text));
          }
        }
      });
    }
  }  // jthreads join here
  for (int t = 0; t < thread_count; ++t) {
    const auto& mine = results[static_cast<std::size_t>(t)];
    EXPECT_EQ(mismatches[static_cast<std::size_t>(t)], 0) << "thread " << t;
    ASSERT_EQ(mine.size(), requests.size());
    for (std::size_t k = 0; k < requests.size(); ++k) {
      const std::size_t i = (k + static_cast<std::size_t>(t)) % requests.size();
      EXPECT_EQ(mine[k], expected[i]) << "thread " << t << ", protocol " << requests[i].protocol_id;
    }
  }
}

TEST(Concurrency, EightThreadsOnTheShippedCatalogueAgreeWithOne) {
  const catalogue& cat = kneerehab::testing::shipped_catalogue();
  ASSERT_GE(cat.protocols().size(), 2U);
  check_threads_agree(cat);
}

TEST(Concurrency, EightThreadsOnTheFixtureCatalogueAgreeWithOne) {
  const catalogue cat = kneerehab::testing::fixture_catalogue();
  check_threads_agree(cat);
}

}  // namespace
