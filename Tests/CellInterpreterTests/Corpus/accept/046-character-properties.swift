let chars: [Character] = ["a", "Z", "5", " ", "!", "é"]
for c in chars {
    print(c, c.isLetter, c.isNumber, c.isUppercase, c.isLowercase, c.isWhitespace, c.isPunctuation)
}
print(Character("7").wholeNumberValue as Any)
print(Character("x").wholeNumberValue as Any)
print(Character("a").isASCII)
