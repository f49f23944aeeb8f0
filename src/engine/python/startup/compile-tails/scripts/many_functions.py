def f0(a, b=0):
    return a + b * 0

def f1(a, b=1):
    return a + b * 1

def f2(a, b=2):
    return a + b * 2

def f3(a, b=3):
    return a + b * 3

def f4(a, b=4):
    return a + b * 4

def f5(a, b=5):
    return a + b * 5

def f6(a, b=6):
    return a + b * 6

def f7(a, b=7):
    return a + b * 7

def f8(a, b=8):
    return a + b * 8

def f9(a, b=9):
    return a + b * 9

def f10(a, b=10):
    return a + b * 10

def f11(a, b=11):
    return a + b * 11

def f12(a, b=12):
    return a + b * 12

def f13(a, b=13):
    return a + b * 13

def f14(a, b=14):
    return a + b * 14

def f15(a, b=15):
    return a + b * 15

def f16(a, b=16):
    return a + b * 16

def f17(a, b=17):
    return a + b * 17

def f18(a, b=18):
    return a + b * 18

def f19(a, b=19):
    return a + b * 19

def f20(a, b=20):
    return a + b * 20

def f21(a, b=21):
    return a + b * 21

def f22(a, b=22):
    return a + b * 22

def f23(a, b=23):
    return a + b * 23

def f24(a, b=24):
    return a + b * 24

def f25(a, b=25):
    return a + b * 25

def f26(a, b=26):
    return a + b * 26

def f27(a, b=27):
    return a + b * 27

def f28(a, b=28):
    return a + b * 28

def f29(a, b=29):
    return a + b * 29

def f30(a, b=30):
    return a + b * 30

def f31(a, b=31):
    return a + b * 31

def f32(a, b=32):
    return a + b * 32

def f33(a, b=33):
    return a + b * 33

def f34(a, b=34):
    return a + b * 34

def f35(a, b=35):
    return a + b * 35

def f36(a, b=36):
    return a + b * 36

def f37(a, b=37):
    return a + b * 37

def f38(a, b=38):
    return a + b * 38

def f39(a, b=39):
    return a + b * 39

def f40(a, b=40):
    return a + b * 40

def f41(a, b=41):
    return a + b * 41

def f42(a, b=42):
    return a + b * 42

def f43(a, b=43):
    return a + b * 43

def f44(a, b=44):
    return a + b * 44

def f45(a, b=45):
    return a + b * 45

def f46(a, b=46):
    return a + b * 46

def f47(a, b=47):
    return a + b * 47

def f48(a, b=48):
    return a + b * 48

def f49(a, b=49):
    return a + b * 49

def f50(a, b=50):
    return a + b * 50

def f51(a, b=51):
    return a + b * 51

def f52(a, b=52):
    return a + b * 52

def f53(a, b=53):
    return a + b * 53

def f54(a, b=54):
    return a + b * 54

def f55(a, b=55):
    return a + b * 55

def f56(a, b=56):
    return a + b * 56

def f57(a, b=57):
    return a + b * 57

def f58(a, b=58):
    return a + b * 58

def f59(a, b=59):
    return a + b * 59

print(f59(1))
