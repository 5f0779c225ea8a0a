print("no benchmark suites yet")
