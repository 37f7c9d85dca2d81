#include "app/cli.hpp"

int main(int argc, char** argv) {
  return disha::app::run_cli(argc, argv);
}
