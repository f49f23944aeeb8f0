class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"balance must be a number, not {type(value).__name__}")
        if value < 0:
            raise ValueError(f"negative balance for {self.owner}: {value}")
        self._balance = value

    @property
    def owner(self):
        return self._owner

    @owner.setter
    def owner(self, value):
        value = value.strip()
        if not value:
            raise ValueError("owner must not be empty")
        self._owner = value


accounts = []
errors = []
for i in range(60000):
    try:
        accounts.append(Account(f" user{i} ", (i % 50) - 3))
    except ValueError as exc:
        errors.append(str(exc))
print(len(accounts), len(errors), errors[0])
try:
    accounts[0].balance = "ten"
except TypeError as exc:
    print(exc)
try:
    Account("   ")
except ValueError as exc:
    print(exc)
print(accounts[5].owner, accounts[5].balance, vars(accounts[5]))
del errors
del accounts
