let text = """
    First line
      indented line
    Last line with "quotes"
    """
print(text)
print(text.count)
let lines = text.split(separator: "\n")
print(lines.count)
let poem = """
a\
b
"""
print(poem)
