from dataclasses import dataclass


@dataclass(slots=True)
class Book:
    title: str
    description: str
    cost: float


def validate_book(book: Book) -> Book:
    if book.cost % 2 == 0:
        return book
    raise ValueError("parse book failed!")


def process_books() -> list[Book]:
    books = []
    for book in (Book(title="title", cost=i, description="lorem" * 2000) for i in range(2000)):
        try:
            books.append(validate_book(book=book))
        except Exception:
            continue
    return books


books = process_books()
print(len(books), "books kept")
del books
