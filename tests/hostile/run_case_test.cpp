// The hostile runner's time limits: processor time stops runaway work whatever the machine's
// load, the wall clock stops a run that waits.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "run_case.hpp"

BOOST_AUTO_TEST_SUITE(hostile_runner)

BOOST_AUTO_TEST_CASE(a_busy_run_is_stopped_by_its_processor_time) {
    const auto err = std::filesystem::temp_directory_path() / "strata-runner-busy.txt";
    // The wall clock is set far away: however loaded the machine, only the processor-time limit
    // can stop this run.
    const hostile::Outcome outcome =
        hostile::run({"/bin/sh", "-c", "while :; do :; done"}, err.string(), 1, 600);
    BOOST_TEST(outcome.timed_out);
    BOOST_TEST(outcome.out_of_processor_time);
    BOOST_TEST(outcome.signal == 0);
}

BOOST_AUTO_TEST_CASE(a_waiting_run_is_stopped_by_the_wall_clock) {
    const auto err = std::filesystem::temp_directory_path() / "strata-runner-sleep.txt";
    const hostile::Outcome outcome = hostile::run({"/bin/sleep", "60"}, err.string(), 0.5);
    BOOST_TEST(outcome.timed_out);
    BOOST_TEST(!outcome.out_of_processor_time);
    BOOST_TEST(outcome.seconds >= 0.5 * hostile::kWallClockFactor);
}

BOOST_AUTO_TEST_CASE(a_quick_run_is_not_stopped) {
    const auto err = std::filesystem::temp_directory_path() / "strata-runner-quick.txt";
    const hostile::Outcome outcome = hostile::run({"/bin/true"}, err.string(), 1);
    BOOST_TEST(!outcome.timed_out);
    BOOST_TEST(outcome.exit_code == 0);
}

BOOST_AUTO_TEST_SUITE_END()
