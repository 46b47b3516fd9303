from wartrace.cli import main

main()
