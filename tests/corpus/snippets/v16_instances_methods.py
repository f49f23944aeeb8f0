class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)


class Savings(Account):
    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate


accounts = []
for i in range(60000):
    if i % 3 == 0:
        a = Savings(f"user{i}", i, 0.02)
    else:
        a = Account(f"user{i}", i)
    accounts.append(a)
print(len(accounts))
for a in accounts[::2]:
    a.deposit(10)
    a.deposit(5)
print(sum(a.balance for a in accounts))
rich = [a for a in accounts if a.balance > 30000]
print(len(rich))
del accounts
print(len(rich))
del rich
