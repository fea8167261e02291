#define BOOST_TEST_MODULE strata
#include <boost/test/unit_test.hpp>
