def classify(n):
    if n == 0:
        return 'alpha'
    elif n == 1:
        return 'beta'
    elif n == 2:
        return 'gamma'
    elif n == 3:
        return 'delta'
    elif n == 4:
        return 'epsilon'
    elif n == 5:
        return 'zeta'
    elif n == 6:
        return 'eta'
    elif n == 7:
        return 'theta'
    elif n == 8:
        return 'iota'
    elif n == 9:
        return 'kappa'
    elif n == 10:
        return 'alpha'
    elif n == 11:
        return 'beta'
    elif n == 12:
        return 'gamma'
    elif n == 13:
        return 'delta'
    elif n == 14:
        return 'epsilon'
    elif n == 15:
        return 'zeta'
    elif n == 16:
        return 'eta'
    elif n == 17:
        return 'theta'
    elif n == 18:
        return 'iota'
    elif n == 19:
        return 'kappa'
    elif n == 20:
        return 'alpha'
    elif n == 21:
        return 'beta'
    elif n == 22:
        return 'gamma'
    elif n == 23:
        return 'delta'
    elif n == 24:
        return 'epsilon'
    elif n == 25:
        return 'zeta'
    elif n == 26:
        return 'eta'
    elif n == 27:
        return 'theta'
    elif n == 28:
        return 'iota'
    elif n == 29:
        return 'kappa'
    elif n == 30:
        return 'alpha'
    elif n == 31:
        return 'beta'
    elif n == 32:
        return 'gamma'
    elif n == 33:
        return 'delta'
    elif n == 34:
        return 'epsilon'
    elif n == 35:
        return 'zeta'
    elif n == 36:
        return 'eta'
    elif n == 37:
        return 'theta'
    elif n == 38:
        return 'iota'
    elif n == 39:
        return 'kappa'
    elif n == 40:
        return 'alpha'
    elif n == 41:
        return 'beta'
    elif n == 42:
        return 'gamma'
    elif n == 43:
        return 'delta'
    elif n == 44:
        return 'epsilon'
    elif n == 45:
        return 'zeta'
    elif n == 46:
        return 'eta'
    elif n == 47:
        return 'theta'
    elif n == 48:
        return 'iota'
    elif n == 49:
        return 'kappa'
    elif n == 50:
        return 'alpha'
    elif n == 51:
        return 'beta'
    elif n == 52:
        return 'gamma'
    elif n == 53:
        return 'delta'
    elif n == 54:
        return 'epsilon'
    elif n == 55:
        return 'zeta'
    elif n == 56:
        return 'eta'
    elif n == 57:
        return 'theta'
    elif n == 58:
        return 'iota'
    elif n == 59:
        return 'kappa'
    elif n == 60:
        return 'alpha'
    elif n == 61:
        return 'beta'
    elif n == 62:
        return 'gamma'
    elif n == 63:
        return 'delta'
    elif n == 64:
        return 'epsilon'
    elif n == 65:
        return 'zeta'
    elif n == 66:
        return 'eta'
    elif n == 67:
        return 'theta'
    elif n == 68:
        return 'iota'
    elif n == 69:
        return 'kappa'
    elif n == 70:
        return 'alpha'
    elif n == 71:
        return 'beta'
    elif n == 72:
        return 'gamma'
    elif n == 73:
        return 'delta'
    elif n == 74:
        return 'epsilon'
    elif n == 75:
        return 'zeta'
    elif n == 76:
        return 'eta'
    elif n == 77:
        return 'theta'
    elif n == 78:
        return 'iota'
    elif n == 79:
        return 'kappa'
    return None


out = [classify(i) for i in range(100)]
