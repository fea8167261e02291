#include <unistd.h>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include "import/isolated_call.hpp"
#include "strata/error.hpp"

using strata::Error;
using strata::IsolationLimits;
using strata::run_isolated;

BOOST_AUTO_TEST_SUITE(isolated_call)

BOOST_AUTO_TEST_CASE(result_bytes_come_back_whole) {
    const std::string big(3 << 20, 'x');  // more than one pipe buffer
    const std::string got =
        run_isolated([&] { return std::string("a\0b", 3) + big; }, "m.h5", "malformed");
    BOOST_TEST(got.size() == big.size() + 3);
    BOOST_TEST(got.substr(0, 3) == std::string("a\0b", 3));
}

BOOST_AUTO_TEST_CASE(an_error_thrown_in_the_child_reaches_the_caller_unchanged) {
    try {
        run_isolated([]() -> std::string { throw Error("x.onnx", 3, 7, "bad dims"); }, "m.onnx",
                     "malformed");
        BOOST_FAIL("no error");
    } catch (const Error& error) {
        BOOST_TEST(error.file() == "x.onnx");
        BOOST_TEST(error.line() == 3u);
        BOOST_TEST(error.column() == 7u);
        BOOST_TEST(error.message() == "bad dims");
    }
}

BOOST_AUTO_TEST_CASE(a_crash_becomes_the_failure_message) {
    try {
        run_isolated(
            []() -> std::string {
                std::raise(SIGSEGV);
                return "never";
            },
            "m.h5", "malformed HDF5 file");
        BOOST_FAIL("no error");
    } catch (const Error& error) {
        BOOST_TEST(error.file() == "m.h5");
        BOOST_TEST(error.message() == "malformed HDF5 file");
    }
}

BOOST_AUTO_TEST_CASE(a_runaway_allocation_is_stopped_by_the_address_space_limit) {
    IsolationLimits limits;
    limits.address_space_bytes = std::size_t{256} << 20;
    BOOST_CHECK_THROW(run_isolated(
                          [] {
                              std::vector<char> huge(std::size_t{1} << 30, 'x');
                              return std::string(1, huge.back());
                          },
                          "m.h5", "malformed", limits),
                      Error);
}

BOOST_AUTO_TEST_CASE(a_hang_is_killed_at_the_wall_clock_limit) {
    IsolationLimits limits;
    limits.wall_seconds = 1;
    BOOST_CHECK_THROW(run_isolated(
                          [] {
                              for (;;) ::pause();
                              return std::string();
                          },
                          "m.h5", "malformed", limits),
                      Error);
}

BOOST_AUTO_TEST_CASE(a_wall_time_cap_ends_a_hang_before_the_limit) {
    IsolationLimits limits;
    limits.wall_seconds = 20;
    BOOST_TEST(strata::isolated_wall_time(limits).count() == 20000);
    strata::cap_isolated_wall_time(std::chrono::milliseconds(100));
    // The bound the call waits for is the cap, and a hanging child is ended with an error.
    BOOST_TEST(strata::isolated_wall_time(limits).count() == 100);
    BOOST_CHECK_THROW(run_isolated(
                          [] {
                              for (;;) ::pause();
                              return std::string();
                          },
                          "m.h5", "malformed", limits),
                      Error);
    strata::cap_isolated_wall_time(std::chrono::milliseconds(0));
    BOOST_TEST(strata::isolated_wall_time(limits).count() == 20000);
    // Without the cap a child may take longer than the cap was.
    BOOST_TEST(run_isolated(
                   [] {
                       ::usleep(300'000);
                       return std::string("done");
                   },
                   "m", "failed", limits) == "done");
}

BOOST_AUTO_TEST_CASE(an_oversized_result_is_refused) {
    IsolationLimits limits;
    limits.max_result_bytes = 1000;
    BOOST_CHECK_THROW(run_isolated([] { return std::string(5000, 'y'); }, "m", "too big", limits),
                      Error);
}

BOOST_AUTO_TEST_SUITE_END()
