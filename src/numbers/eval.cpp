// Double-precision evaluation over the DAG, each shared node once.
#include "numbers/eval.hpp"

#include <cmath>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "expr/small_node_map.hpp"

namespace dfdx {

namespace {

class Evaluator {
public:
    explicit Evaluator(const Point& point) : point_(point) {}

    double operator()(const Expr& e) {
        if (const double* done = memo_.find(e.get())) return *done;
        double v = compute(e);
        memo_.insert(e.get(), v);
        return v;
    }

private:
    double compute(const Expr& e) {
        return node_value(e, point_, [&](std::size_t i) { return (*this)(e->args[i]); });
    }

    const Point& point_;
    detail::SmallNodeMap<double> memo_;
};

}  // namespace

double real_pow(double base, const Expr& exponent_expr, double exponent) {
    if (base == 0 && exponent < 0) throw Error(ErrorCode::DivisionByZero, "division by zero");
    if (base < 0 && exponent != std::floor(exponent)) {
        if (exponent_expr.kind() == Kind::Number && exponent_expr->num.get_den() % 2 != 0) {
            double r = std::pow(-base, exponent);
            return exponent_expr->num.get_num() % 2 != 0 ? -r : r;
        }
        throw Error(ErrorCode::NotReal, "a fractional power of the negative number " +
                                            format_decimal(base, 15) + " is not real");
    }
    double v = std::pow(base, exponent);
    if (std::isnan(v)) throw Error(ErrorCode::NotReal, "the power is not real here");
    return v;
}

void no_numeric_value(const Expr& e) {
    if (e.kind() == Kind::Vector)
        throw Error(ErrorCode::Type, "a vector has no single numeric value");
    throw Error(ErrorCode::UnknownFunction, "cannot evaluate the unknown function " + e->name +
                                                " (define it first, e.g. " + e->name +
                                                "(x) = ...)");
}

double leaf_value(const Expr& e, const Point& point) {
    switch (e.kind()) {
        case Kind::Number: return to_double(e->num);
        case Kind::Symbol: {
            auto it = point.find(e->name);
            if (it == point.end()) {
                throw Error(ErrorCode::UnknownFunction, e->name + " has no value");
            }
            return it->second;
        }
        case Kind::Constant:
            return e->id == static_cast<std::uint32_t>(ConstantId::Pi) ? M_PI : M_E;
        case Kind::Apply:
        case Kind::Deriv:
        case Kind::Vector: no_numeric_value(e);
        case Kind::Add:
        case Kind::Mul:
        case Kind::Pow:
        case Kind::Func: break;
    }
    return evaluate(e, point);  // not a leaf
}

double evaluate(const Expr& e, const Point& point) {
    Evaluator ev(point);
    return ev(e);
}

}  // namespace dfdx
