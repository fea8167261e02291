#include "emit/base64.hpp"

#include <boost/archive/iterators/base64_from_binary.hpp>
#include <boost/archive/iterators/transform_width.hpp>

namespace strata::emit {

std::string base64(std::string_view bytes) {
    using namespace boost::archive::iterators;
    using Encoder = base64_from_binary<transform_width<std::string_view::const_iterator, 6, 8>>;
    std::string out(Encoder(bytes.begin()), Encoder(bytes.end()));
    // The iterators pad the last group's bits with zeros but write no '='.
    out.append((3 - bytes.size() % 3) % 3, '=');
    return out;
}

}  // namespace strata::emit
