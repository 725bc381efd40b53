<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AdmittedScreen</name>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>Пассажиров: %1, проходите по одному</translation>
    </message>
    <message>
        <source>Please go through</source>
        <translation>Проходите</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Поезд</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Вагон</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>Пассажир</translation>
    </message>
</context>
<context>
    <name>AwaitingDocumentScreen</name>
    <message>
        <source>Now place the ID card or passport you bought the ticket with</source>
        <translation>Положите документ, по которому куплен билет</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>Билет действует только с документом владельца</translation>
    </message>
    <message>
        <source>Seconds left: %1</source>
        <translation>Осталось секунд: %1</translation>
    </message>
</context>
<context>
    <name>DeniedScreen</name>
    <message>
        <source>Entry not possible</source>
        <translation>Проход невозможен</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Код %1</translation>
    </message>
    <message>
        <source>Staff will help you</source>
        <translation>Вам поможет сотрудник</translation>
    </message>
</context>
<context>
    <name>FreePassageScreen</name>
    <message>
        <source>Free entry</source>
        <translation>Свободный вход</translation>
    </message>
    <message>
        <source>Free exit</source>
        <translation>Свободный выход</translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation>Свободный проход</translation>
    </message>
    <message>
        <source>Entering: no ticket check, please go through</source>
        <translation>Вход без проверки билетов, проходите</translation>
    </message>
    <message>
        <source>Leaving: no ticket check, please go through</source>
        <translation>Выход без проверки билетов, проходите</translation>
    </message>
    <message>
        <source>No ticket check: please go through</source>
        <translation>Без проверки билетов, проходите</translation>
    </message>
    <message>
        <source>Leaving: please use another gate</source>
        <translation>Для выхода воспользуйтесь другим турникетом</translation>
    </message>
    <message>
        <source>Entering: please use another gate</source>
        <translation>Для входа воспользуйтесь другим турникетом</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Please present your ticket or ID</source>
        <translation>Предъявите билет или документ</translation>
    </message>
    <message>
        <source>E-ticket QR code</source>
        <translation>QR-код электронного билета</translation>
    </message>
    <message>
        <source>Hold the code under the scanner window</source>
        <translation>Поднесите код к окну сканера</translation>
    </message>
    <message>
        <source>ID card or residence permit</source>
        <translation>Удостоверение или вид на жительство</translation>
    </message>
    <message>
        <source>Place the card flat on the reader</source>
        <translation>Положите карту на считыватель</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Lay the photo page face down on the glass</source>
        <translation>Положите паспорт на стекло страницей с фото вниз</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Staff %1: enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service mode: enter your staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more tries before the keypad locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockedOutPanel</name>
    <message>
        <source>Too many wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keypad is locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Station gate</source>
        <translation>Турникет станции</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>root key</source>
        <translation>корневой ключ</translation>
    </message>
    <message>
        <source>device key</source>
        <translation>ключ устройства</translation>
    </message>
    <message>
        <source>lane address</source>
        <translation>адрес прохода</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>This gate is closed</source>
        <translation>Турникет закрыт</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>Воспользуйтесь другим турникетом</translation>
    </message>
    <message>
        <source>Not commissioned. Still to set: %1</source>
        <translation>Турникет не настроен. Осталось задать: %1</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Код %1</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Hold still</source>
        <translation>Не двигайте</translation>
    </message>
    <message>
        <source>Move the document closer</source>
        <translation>Поднесите документ ближе</translation>
    </message>
    <message>
        <source>Glare: tilt the document slightly</source>
        <translation>Блик: слегка наклоните документ</translation>
    </message>
    <message>
        <source>Reading the chip, keep the passport still</source>
        <translation>Читаем чип, не двигайте паспорт</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Чтение…</translation>
    </message>
    <message>
        <source>Keep the ticket or document in place until the screen changes</source>
        <translation>Не убирайте билет или документ, пока экран не сменится</translation>
    </message>
</context>
<context>
    <name>ServicePanel</name>
    <message>
        <source>Service mode, staff %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket list and log sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List %1, %2 min old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last passport chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open once, entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open once, exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link to the lane: lane commands are unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency latched: reset the emergency first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire alarm input active: the emergency cannot be reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>Ticket data last updated %1 h %2 min ago. Tickets bought since then: please ask staff.</source>
        <translation>Данные о билетах обновлены %1 ч %2 мин назад. Если билет куплен позже, обратитесь к сотруднику.</translation>
    </message>
    <message>
        <source>Ticket data last updated %1 min ago. Tickets bought since then: please ask staff.</source>
        <translation>Данные о билетах обновлены %1 мин назад. Если билет куплен позже, обратитесь к сотруднику.</translation>
    </message>
</context>
<context>
    <name>gate::Reason</name>
    <message>
        <source>Train %1</source>
        <translation>Поезд %1</translation>
    </message>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>Пассажиров: %1, проходите по одному</translation>
    </message>
    <message>
        <source>Please pass</source>
        <translation>Проходите</translation>
    </message>
    <message>
        <source>Train %1, coach %2, seat %3</source>
        <translation>Поезд %1, вагон %2, место %3</translation>
    </message>
    <message>
        <source>Check-in for %1 opens at %2</source>
        <translation>Посадка на %1 начнётся в %2</translation>
    </message>
    <message>
        <source>Please wait in the waiting hall</source>
        <translation>Подождите в зале ожидания</translation>
    </message>
    <message>
        <source>Check-in for %1 closed at %2</source>
        <translation>Посадка на %1 закончилась в %2</translation>
    </message>
    <message>
        <source>Please go to the service counter to change your ticket</source>
        <translation>Обменяйте билет в центре обслуживания</translation>
    </message>
    <message>
        <source>%1 does not board at this gate</source>
        <translation>Посадка на %1 не у этого выхода</translation>
    </message>
    <message>
        <source>Please go to gate %1</source>
        <translation>Пройдите к выходу %1</translation>
    </message>
    <message>
        <source>This ticket is not for this station</source>
        <translation>Билет на отправление с другой станции</translation>
    </message>
    <message>
        <source>Your ticket is for station %1</source>
        <translation>Ваша станция отправления: %1</translation>
    </message>
    <message>
        <source>Train %1 is cancelled</source>
        <translation>Поезд %1 отменён</translation>
    </message>
    <message>
        <source>Please go to the service counter for a refund or another train</source>
        <translation>Верните или обменяйте билет в центре обслуживания</translation>
    </message>
    <message>
        <source>Train %1 is not on today&apos;s list</source>
        <translation>Поезда %1 нет в сегодняшнем расписании</translation>
    </message>
    <message>
        <source>Please go to the service counter</source>
        <translation>Обратитесь в центр обслуживания</translation>
    </message>
    <message>
        <source>This ticket was refunded</source>
        <translation>Билет возвращён</translation>
    </message>
    <message>
        <source>This ticket was changed to another train</source>
        <translation>Билет обменян на другой поезд</translation>
    </message>
    <message>
        <source>Please use your new ticket</source>
        <translation>Используйте новый билет</translation>
    </message>
    <message>
        <source>This ticket was already used at %1</source>
        <translation>Билет уже использован в %1</translation>
    </message>
    <message>
        <source>Please ask staff for help</source>
        <translation>Обратитесь к сотруднику</translation>
    </message>
    <message>
        <source>No ticket found for this document</source>
        <translation>Билет по этому документу не найден</translation>
    </message>
    <message>
        <source>Please use the document you bought the ticket with</source>
        <translation>Используйте документ, по которому куплен билет</translation>
    </message>
    <message>
        <source>This ticket is not on the list</source>
        <translation>Билета нет в списке</translation>
    </message>
    <message>
        <source>This ticket belongs to another document</source>
        <translation>Билет куплен по другому документу</translation>
    </message>
    <message>
        <source>This ticket cannot be checked against your document</source>
        <translation>Билет нельзя сверить с вашим документом</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>Билет действует только с документом владельца</translation>
    </message>
    <message>
        <source>Show the code, then place the ID card or passport you bought the ticket with</source>
        <translation>Покажите код, затем положите документ или паспорт, по которому куплен билет</translation>
    </message>
    <message>
        <source>ID check is not available at this gate now</source>
        <translation>Проверка документов здесь сейчас недоступна</translation>
    </message>
    <message>
        <source>Please show your e-ticket code, or ask staff for help</source>
        <translation>Покажите код электронного билета или обратитесь к сотруднику</translation>
    </message>
    <message>
        <source>Your document has expired</source>
        <translation>Срок действия документа истёк</translation>
    </message>
    <message>
        <source>Your document number could not be verified</source>
        <translation>Не удалось проверить номер документа</translation>
    </message>
    <message>
        <source>Your student discount needs its yearly check</source>
        <translation>Студенческую скидку нужно подтвердить на этот год</translation>
    </message>
    <message>
        <source>This ticket is checked by staff</source>
        <translation>Этот билет проверяет сотрудник</translation>
    </message>
    <message>
        <source>Please go to the staffed gate</source>
        <translation>Пройдите к проходу с контролёром</translation>
    </message>
    <message>
        <source>This passport could not be verified</source>
        <translation>Паспорт не прошёл проверку</translation>
    </message>
    <message>
        <source>The chip of your passport could not be checked</source>
        <translation>Не удалось проверить чип паспорта</translation>
    </message>
    <message>
        <source>Please place the passport on the reader again, or ask staff for help</source>
        <translation>Положите паспорт на считыватель ещё раз или обратитесь к сотруднику</translation>
    </message>
    <message>
        <source>This gate is not in service</source>
        <translation>Турникет не работает</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>Воспользуйтесь другим турникетом</translation>
    </message>
    <message>
        <source>Your ticket could not be read</source>
        <translation>Не удалось прочитать билет</translation>
    </message>
    <message>
        <source>Please try again</source>
        <translation>Попробуйте ещё раз</translation>
    </message>
    <message>
        <source>This code is not a valid e-ticket</source>
        <translation>Этот код не является электронным билетом</translation>
    </message>
    <message>
        <source>Please show the e-ticket from the official app, or use your ID</source>
        <translation>Покажите билет в официальном приложении или используйте документ</translation>
    </message>
    <message>
        <source>E-tickets cannot be checked at this gate now</source>
        <translation>Здесь сейчас нельзя проверить электронный билет</translation>
    </message>
    <message>
        <source>Please use your ID, or ask staff for help</source>
        <translation>Используйте документ или обратитесь к сотруднику</translation>
    </message>
    <message>
        <source>This e-ticket is not valid yet</source>
        <translation>Электронный билет ещё не действует</translation>
    </message>
    <message>
        <source>This e-ticket has expired</source>
        <translation>Срок действия электронного билета истёк</translation>
    </message>
    <message>
        <source>Your passport could not be read</source>
        <translation>Не удалось прочитать паспорт</translation>
    </message>
    <message>
        <source>Please place the photo page flat on the reader</source>
        <translation>Положите страницу с фото ровно на считыватель</translation>
    </message>
    <message>
        <source>Your card could not be read</source>
        <translation>Не удалось прочитать карту</translation>
    </message>
    <message>
        <source>Please place your card on the reader again</source>
        <translation>Положите карту на считыватель ещё раз</translation>
    </message>
</context>
</TS>
