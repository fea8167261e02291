// Lanes by first fit: the indexed computation against the definition, on random extents with
// ties, empty extents and touching ends.

#include <boost/test/unit_test.hpp>

#include <random>
#include <vector>

#include "layout/graph/lanes.hpp"

namespace {

using strata::layout::graph::Extent;

// The definition: each extent in order takes the smallest lane that no earlier extent it
// overlaps holds.
std::vector<int> by_definition(const std::vector<Extent>& extents) {
    std::vector<int> lane(extents.size(), 0);
    for (std::size_t i = 0; i < extents.size(); ++i) {
        for (int l = 1;; ++l) {
            bool clash = false;
            for (std::size_t j = 0; j < i && !clash; ++j) {
                clash = lane[j] == l && extents[j].first < extents[i].second &&
                        extents[i].first < extents[j].second;
            }
            if (!clash) {
                lane[i] = l;
                break;
            }
        }
    }
    return lane;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lanes)

BOOST_AUTO_TEST_CASE(first_fit_matches_the_definition) {
    std::mt19937 random(7);
    for (int round = 0; round < 300; ++round) {
        const int count = 1 + static_cast<int>(random() % 60);
        const int span = 1 + static_cast<int>(random() % 40);  // small: many ties and touches
        std::vector<Extent> extents;
        for (int i = 0; i < count; ++i) {
            const double a = static_cast<double>(random() % span);
            const double w = static_cast<double>(random() % (span / 2 + 1));
            extents.push_back({a, a + w});
        }
        BOOST_TEST(strata::layout::graph::first_fit_lanes(extents) == by_definition(extents));
    }
}

BOOST_AUTO_TEST_CASE(identical_extents_stack) {
    const std::vector<Extent> extents(5000, Extent{0, 10});
    const std::vector<int> lanes = strata::layout::graph::first_fit_lanes(extents);
    for (std::size_t i = 0; i < lanes.size(); ++i) BOOST_TEST(lanes[i] == static_cast<int>(i) + 1);
}

BOOST_AUTO_TEST_SUITE_END()
