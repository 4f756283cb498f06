// Private: a map keyed by node address for the walks over one expression (walk_dag's
// visited set, substitute's results). Most expressions have a few dozen nodes, so the
// entries live in a short list searched in place, and move to a hash map past that.
#pragma once

#include <cstddef>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dfdx/expr.hpp"

namespace dfdx::detail {

template <class V>
class SmallNodeMap {
public:
    [[nodiscard]] const V* find(const Node* n) const {
        if (map_.empty()) {
            for (const auto& [k, v] : few_) {
                if (k == n) return &v;
            }
            return nullptr;
        }
        auto it = map_.find(n);
        return it == map_.end() ? nullptr : &it->second;
    }

    /// Adds n, which must not be there yet.
    void insert(const Node* n, V value) {
        if (map_.empty() && few_.size() < kFew) {
            few_.emplace_back(n, std::move(value));
            return;
        }
        if (map_.empty()) {
            for (auto& [k, v] : few_) map_.emplace(k, std::move(v));
        }
        map_.emplace(n, std::move(value));
    }

private:
    static constexpr std::size_t kFew = 48;
    std::vector<std::pair<const Node*, V>> few_;
    std::unordered_map<const Node*, V> map_;
};

}  // namespace dfdx::detail
