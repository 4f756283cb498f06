// An example of libdfdx: reads a formula, prints its derivative in each notation and its
// value at a point:  derivative 'x^2 sin(x)' x pi/2
#include <dfdx/dfdx.hpp>

#include <iostream>

int main(int argc, char** argv) {
    const char* text = argc > 1 ? argv[1] : "x^2 sin(x)";
    const char* var = argc > 2 ? argv[2] : "x";
    try {
        using dfdx::api::Expression;
        using dfdx::api::Format;
        Expression f = Expression::parse(text);
        Expression df = f.derivative(var).simplified();
        std::cout << "d/d" << var << " " << f.to_string() << " = " << df.to_string() << "\n";
        std::cout << "unicode: " << df.to_string(Format::Unicode) << "\n";
        std::cout << "latex: " << df.to_string(Format::Latex) << "\n";
        if (argc > 3) {
            dfdx::api::Value v = df.evaluate({{var, argv[3]}});
            std::cout << "at " << var << "=" << argv[3] << ": " << v.exact << " ~ " << v.decimal
                      << "\n";
        }
    } catch (const dfdx::api::Error& e) {
        std::cerr << "derivative: column " << e.column() << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
