// Private: a map keyed by node address for the walks over one expression (walk_dag's
// visited set, substitute's results, evaluate's values). Most expressions have a few
// dozen nodes, so the first entries live in place (no allocation), searched in a line,
// and move to a hash map past that.
#pragma once

#include <array>
#include <cstddef>
#include <unordered_map>
#include <utility>

namespace dfdx {
class Node;  // expr.hpp; only addresses are kept here
}  // namespace dfdx

namespace dfdx::detail {

template <class V>
class SmallNodeMap {
public:
    [[nodiscard]] const V* find(const Node* n) const {
        if (map_.empty()) {
            for (std::size_t i = 0; i < count_; ++i) {
                if (few_[i].first == n) return &few_[i].second;
            }
            return nullptr;
        }
        auto it = map_.find(n);
        return it == map_.end() ? nullptr : &it->second;
    }

    /// Adds n, which must not be there yet.
    void insert(const Node* n, V value) {
        if (map_.empty() && count_ < kFew) {
            few_[count_++] = {n, std::move(value)};
            return;
        }
        if (map_.empty()) {
            for (std::size_t i = 0; i < count_; ++i)
                map_.emplace(few_[i].first, std::move(few_[i].second));
        }
        map_.emplace(n, std::move(value));
    }

private:
    static constexpr std::size_t kFew = 32;
    std::array<std::pair<const Node*, V>, kFew> few_{};  // in place: no allocation
    std::size_t count_ = 0;
    std::unordered_map<const Node*, V> map_;
};

}  // namespace dfdx::detail
