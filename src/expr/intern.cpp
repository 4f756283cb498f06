// The unique table: every node is created here once, found again by structural hash,
// and released without recursion when its last handle goes away. The table is open
// addressing with linear probing; nodes come from a free list; small integers are
// permanent, so the `num(1)` the constructors ask for constantly is a single load.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>

#include "expr/canonical.hpp"
#include "expr/error.hpp"
#include "expr/node_table.hpp"

namespace dfdx {

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

// Structural: depends only on the contents. It also orders children (compare() in
// expr.cpp), so changing it changes the canonical order of arguments.
std::uint64_t structural_hash(const Node& n) {
    std::uint64_t h = static_cast<std::uint64_t>(n.kind) * 0x100000001b3ull + n.id;
    if (n.kind == Kind::Number || n.kind == Kind::Add || n.kind == Kind::Mul) {
        h = mix(h, hash_rational(n.num));
    }
    if (!n.name.empty()) h = mix(h, std::hash<std::string>()(n.name));
    for (const Expr& a : n.args) h = mix(h, a->hash);
    for (const Rational& c : n.coeffs) h = mix(h, hash_rational(c));
    for (std::uint32_t o : n.orders) h = mix(h, o);
    return h;
}

bool same_contents(const Node& a, const Node& b) {
    return a.hash == b.hash && a.kind == b.kind && a.id == b.id && a.num == b.num &&
           a.args == b.args && a.name == b.name && a.coeffs == b.coeffs && a.orders == b.orders;
}

// Open addressing with linear probing and backward-shift deletion (no tombstones).
class NodeSet {
public:
    NodeSet() : slots_(1024, nullptr), shift_(64 - 10) {}

    std::size_t size() const { return count_; }

    const Node* find(const Node& proto) const {
        for (std::size_t i = home(proto.hash);; i = next(i)) {
            const Node* n = slots_[i];
            if (!n) return nullptr;
            if (same_contents(*n, proto)) return n;
        }
    }

    void insert(const Node* n) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        place(n);
        ++count_;
    }

    void erase(const Node* n) {
        std::size_t i = home(n->hash);
        while (slots_[i] != n) i = next(i);
        // Shift later members of the probe run back so lookups never stop early.
        for (std::size_t j = next(i);; j = next(j)) {
            const Node* m = slots_[j];
            if (!m) break;
            std::size_t k = home(m->hash);
            bool movable = (i <= j) ? (k <= i || k > j) : (k <= i && k > j);
            if (movable) {
                slots_[i] = m;
                i = j;
            }
        }
        slots_[i] = nullptr;
        --count_;
    }

private:
    // Fibonacci hashing: the top bits of hash * 2^64/phi spread any structural hash.
    std::size_t home(std::uint64_t hash) const { return (hash * 0x9e3779b97f4a7c15ull) >> shift_; }
    std::size_t next(std::size_t i) const { return (i + 1) & (slots_.size() - 1); }

    void place(const Node* n) {
        std::size_t i = home(n->hash);
        while (slots_[i]) i = next(i);
        slots_[i] = n;
    }

    void grow() {
        std::vector<const Node*> old(slots_.size() * 2, nullptr);
        old.swap(slots_);
        --shift_;
        for (const Node* n : old) {
            if (n) place(n);
        }
    }

    std::vector<const Node*> slots_;
    unsigned shift_;
    std::size_t count_ = 0;
};

// Raw storage for nodes, recycled through a free list (nodes are created and dropped
// by the million; the general-purpose allocator is the largest cost otherwise).
class NodePool {
public:
    void* allocate() {
        if (!free_) refill();
        Slot* s = free_;
        free_ = s->next;
        return s;
    }
    void deallocate(void* p) {
        Slot* s = static_cast<Slot*>(p);
        s->next = free_;
        free_ = s;
    }

private:
    union Slot {
        Slot* next;
        alignas(Node) unsigned char bytes[sizeof(Node)];
    };
    void refill() {
        constexpr std::size_t kChunk = 512;
        chunks_.push_back(std::make_unique<Slot[]>(kChunk));
        Slot* chunk = chunks_.back().get();
        for (std::size_t i = 0; i < kChunk; ++i) deallocate(&chunk[i]);
    }
    std::vector<std::unique_ptr<Slot[]>> chunks_;
    Slot* free_ = nullptr;
};

/// Integers whose nodes live for the whole process.
constexpr long kSmallMin = -32, kSmallMax = 64;

struct Table {
    NodeSet nodes;
    NodePool pool;
    std::vector<const Node*> dying;
    bool releasing = false;
    bool deferring = false;  ///< a cancellation is unwinding: queue dropped nodes, free later
    const volatile int* interrupt = nullptr;
    std::int64_t deadline_ns = 0;
    std::uint32_t ticks = 0;
    std::uint64_t built = 0;  ///< nodes created since the process started
    Expr small[kSmallMax - kSmallMin + 1];
};

Expr create(Table& t, Node&& proto) {
    Node* n = new (t.pool.allocate()) Node(std::move(proto));
    n->refs = 0;
    ++t.built;
    t.nodes.insert(n);
    return Expr(n);
}

Table* make_table() {
    Table* t = new Table();
    for (long v = kSmallMin; v <= kSmallMax; ++v) {
        Node n;
        n.kind = Kind::Number;
        n.num = Rational(v);
        n.hash = structural_hash(n);
        t->small[v - kSmallMin] = create(*t, std::move(n));
    }
    return t;
}

// The one piece of process state in the core: value semantics for Expr need a single
// unique table. It holds no user-visible state (see docs/decisions.md).
Table& table() {
    static Table* t = make_table();  // never destroyed: handles may outlive static teardown
    return *t;
}

void poll(Table& t) {
    if (++t.ticks % 1024 != 0) return;
    if (t.interrupt && *t.interrupt) {
        t.deferring = true;
        throw Error(ErrorCode::Interrupted, "interrupted");
    }
    if (t.deadline_ns) {
        auto now = std::chrono::steady_clock::now().time_since_epoch();
        if (std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() > t.deadline_ns) {
            t.deferring = true;
            throw Error(ErrorCode::Timeout, "timed out (--timeout)");
        }
    }
}

// Frees the queued nodes. A queued node may have been found again by intern() while it
// waited (its count is above zero then): it stays, and leaves the queue.
void drain(Table& t) {
    t.releasing = true;
    while (!t.dying.empty()) {
        const Node* d = t.dying.back();
        t.dying.pop_back();
        d->queued = false;
        if (d->refs != 0) continue;
        t.nodes.erase(d);
        Node* mutable_d = const_cast<Node*>(d);
        mutable_d->~Node();  // children's handles drop here and push onto `dying`, not recurse
        t.pool.deallocate(mutable_d);
    }
    t.releasing = false;
}

void release(const Node* n) {
    Table& t = table();
    if (!n->queued) {
        n->queued = true;
        t.dying.push_back(n);
    }
    if (t.releasing || t.deferring) return;  // the outer loop, or collect_garbage(), frees it
    drain(t);
}

#ifdef DFDX_CHECK_CANONICAL
// Debug and sanitizer builds: a node that breaks a canonical form is a bug in a
// constructor, found where it is made. Checking builds nodes of its own (the fold of a
// call); those are not checked again.
void check_created(const Node& n) {
    static bool checking = false;
    if (checking) return;
    checking = true;
    std::string why;
    const bool ok = is_canonical(n, &why);
    checking = false;
    if (!ok) {
        std::fprintf(stderr, "dfdx: a node not in canonical form was built: %s\n", why.c_str());
        std::abort();
    }
}
#endif

}  // namespace

Expr::Expr(const Node* node) noexcept : node_(node) {
    if (node_) ++node_->refs;
}
Expr::Expr(const Expr& other) noexcept : node_(other.node_) {
    if (node_) ++node_->refs;
}
Expr& Expr::operator=(const Expr& other) noexcept {
    if (other.node_) ++other.node_->refs;
    const Node* old = node_;
    node_ = other.node_;
    if (old && --old->refs == 0) release(old);
    return *this;
}
Expr& Expr::operator=(Expr&& other) noexcept {
    if (this != &other) {
        const Node* old = node_;
        node_ = other.node_;
        other.node_ = nullptr;
        if (old && --old->refs == 0) release(old);
    }
    return *this;
}
Expr::~Expr() {
    if (node_ && --node_->refs == 0) release(node_);
}

void collect_garbage() {
    Table& t = table();
    t.deferring = false;
    if (!t.releasing) drain(t);
}

std::size_t live_nodes() {
    collect_garbage();
    return table().nodes.size();
}

void set_interrupt_flag(const volatile int* flag) { table().interrupt = flag; }
std::uint64_t nodes_built() { return table().built; }
void set_deadline(std::int64_t steady_ns) { table().deadline_ns = steady_ns; }
void check_interrupt() { poll(table()); }

namespace detail {

Expr small_integer(std::int64_t value) {
    if (value < kSmallMin || value > kSmallMax) return {};
    return table().small[value - kSmallMin];
}

Expr intern(Node&& proto) {
    Table& t = table();
    if (proto.kind == Kind::Number && proto.num.is_small() && proto.num.small_den() == 1 &&
        proto.num.small_num() >= kSmallMin && proto.num.small_num() <= kSmallMax) {
        return t.small[proto.num.small_num() - kSmallMin];
    }
    proto.hash = structural_hash(proto);
    if (const Node* found = t.nodes.find(proto)) return Expr(found);
    poll(t);
    std::uint32_t depth = 0;
    proto.has_symbols = proto.kind == Kind::Symbol;
    proto.has_calls = proto.kind == Kind::Apply || proto.kind == Kind::Deriv;
    for (const Expr& a : proto.args) {
        depth = std::max(depth, a->depth);
        proto.has_symbols |= a->has_symbols;
        proto.has_calls |= a->has_calls;
    }
    proto.depth = depth + 1;
    if (proto.depth > max_depth) {
        throw Error(ErrorCode::Limit,
                    "expression deeper than the limit of " + std::to_string(max_depth) + " levels");
    }
    if (t.nodes.size() >= max_live_nodes) {
        throw Error(ErrorCode::Limit, "expression larger than the limit of " +
                                          std::to_string(max_live_nodes) + " nodes");
    }
    Expr made = create(t, std::move(proto));
#ifdef DFDX_CHECK_CANONICAL
    check_created(*made);
#endif
    return made;
}

}  // namespace detail
}  // namespace dfdx
