package lint

import (
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// TestParts tests each vocabulary the deny-level flags are composed of on
// its own: what must be read as the part, and what must not.
func TestParts(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		part string
		yes  []string
		no   []string
	}{
		{"review_act", []string{
			"Оставьте отзыв о покупке", "Поставьте нам пятёрку", "Ставьте 5 звёзд", "Измените оценку на более высокую",
			"Пришлите скрин отзыва", "Уберите негативный отзыв", "Оценили товар на 5?", "Будем ждать фотоотзыв",
		}, []string{"Заказ передан в доставку", "Размер соответствует таблице", "Поставим вам новую дату доставки"}},
		{"benefit", []string{
			"Вернём 300 ₽ на карту", "Подарим плед", "Положим в посылку сюрприз", "Доставка за наш счёт",
			"Продлим гарантию на год", "Начислим бонусы", "Получите кешбэк 10%", "Отправим вторую пару бесплатно",
		}, []string{"Заказ передан в доставку", "Спасибо за покупку", "Проверьте размер по таблице"}},
		{"invitation", []string{
			"Заходите к нам", "Подписывайтесь на новости", "Переходите по ссылке", "Заполните форму",
			"Пишите нам", "Заказывайте заранее", "Загляните в каталог",
		}, []string{"Заказ передан в доставку", "Размер M подойдёт", "Гарантия один год"}},
		{"venue", []string{
			"в WhatsApp", "в нашем телеграм-канале", "на нашем сайте", "на Ozon", "на почту", "напрямую", "в мессенджере", "в личку",
		}, []string{"в этом чате", "в карточке товара", "в пункте выдачи"}},
		{"pd_ask", []string{
			"Укажите, пожалуйста", "Пришлите нам", "Продиктуйте", "Подтвердите", "Нам потребуется", "Скиньте",
		}, []string{"Заказ передан в доставку", "Спасибо за отзыв"}},
		{"pd_noun", []string{
			"номер телефона", "ФИО", "паспортные данные", "домашний адрес", "номер карты", "электронную почту", "свой адресок", "ИНН",
		}, []string{"номер заказа", "адрес пункта выдачи", "размер обуви"}},
	}
	for _, tt := range tests {
		t.Run(tt.part, func(t *testing.T) {
			for _, s := range tt.yes {
				if _, ok := l.Lint(s).Parts[tt.part]; !ok {
					t.Errorf("%q: part %s not found", s, tt.part)
				}
			}
			for _, s := range tt.no {
				if ev, ok := l.Lint(s).Parts[tt.part]; ok {
					t.Errorf("%q: part %s found (%q)", s, tt.part, ev)
				}
			}
		})
	}
}

// TestCompositionFamilies: the deny-level flags need both parts, whatever
// words carry each, and neither part alone raises them. These phrasings
// were written after the change, not taken from the sentences that
// exposed the misses.
func TestCompositionFamilies(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		flag agentiq.Flag
		yes  []string
		no   []string
	}{
		{agentiq.FlagReviewIncentive, []string{
			"Поставите пятёрку — вернём 10% стоимости.",
			"За честный фотоотзыв дарим сертификат на 500 рублей.",
			"Если исправите оценку на 5, доставку следующего заказа оплатим мы.",
			"Отзыв на пять звёзд = подарок в следующей посылке.",
			"Уберёте плохой отзыв — решим вопрос деньгами.",
		}, []string{
			"Спасибо за ваш отзыв!",
			"Будем рады вашему отзыву о покупке.",
			"Мы не даём бонусы за отзывы: оценка — ваше право.",
			"Вернём 300 ₽ за задержку доставки.",
		}},
		{agentiq.FlagOffPlatform, []string{
			"Для быстрой связи пишите нам в телегу.",
			"Заходите в наш шоурум на Садовой — там есть вся коллекция.",
			"Оставьте электронную почту, будем присылать подборки новинок.",
			"Этот же товар можно взять на Ozon, закажите там.",
			"Подписывайтесь на наш канал: t.me/uyut_novosti",
		}, []string{
			"Инструкция по сборке: mebel-help.ru/shkaf",
			"Наш магазин на WB — загляните в карточку бренда.",
			"Ответим здесь, в чате, в течение часа.",
		}},
		// off WB by any verb of invitation, to any venue outside it: the
		// seller's own shop or showroom, a call, a group, a cheaper price
		// "directly", the seller's shop on another marketplace
		{agentiq.FlagOffPlatform, []string{
			"Приглашаем в наш клуб покупателей во ВКонтакте.",
			"Наберите нас по телефону с упаковки — сделаем дешевле.",
			"Ждём вас в нашем фирменном салоне на Лесной, 5.",
			"Без комиссии маркетплейса выйдет на 20% дешевле, пишите.",
			"Мы есть и в Одноклассниках, и в VK — там отвечаем быстрее.",
			"У нас есть свой магазин на Мегамаркете, ищите по названию.",
			"В нашем розничном магазине цены ниже, чем здесь, заходите.",
			"Отпишите нам в инсту, вышлем видео примерки.",
		}, []string{
			"Мы продаём только на Wildberries, других площадок у нас нет.",
			"Пишите в этот чат, ответим в течение дня.",
			"Зайдите в «Покупки» и выберите нужный заказ.",
			"Позвоните в поддержку Wildberries, если заказ не выдают.",
			"Подписывайтесь на наш магазин на WB, чтобы видеть новинки.",
		}},
		// another marketplace by its slang, a retail chain, a shop in quotes
		// named as a place to buy, another seller
		{agentiq.FlagThirdParty, []string{
			"Похожие есть на алике, но там качество хуже.",
			"Такой же светильник видели в Икее?",
			"У соседнего продавца этот чехол дороже.",
			"Можно купить в «Мир инструмента» на Парковой.",
			"Его продаёт «ТехноДом» в ТЦ «Галерея».",
			"Закажите такси через Яндекс Такси до пункта выдачи.",
		}, []string{
			"Наш бренд производит одежду в Иваново.",
			"Мы не продаём на других площадках.",
			"Нажмите «Вернуть товар» в разделе «Покупки».",
		}},
		// round 3 (after the first held-back batch and batch E): the seller's
		// shop on another marketplace in either order, an invitation to
		// another marketplace, an order through the seller's own site (a
		// call the seller offers is not: the public set labels "менеджер
		// перезвонит" a personal-data request only)
		{agentiq.FlagOffPlatform, []string{
			"На Озоне у нас тоже есть магазин, там цены ниже.",
			"Заглядывайте к нам на Яндекс Маркет, там весь ассортимент.",
			"При покупке через наш официальный сайт доставка бесплатная.",
		}, []string{
			"Осторожно: на Авито продают подделки под наш бренд.",
			"Заказ в нашем магазине на WB придёт за три дня.",
			"Оставьте номер телефона — менеджер перезвонит и всё объяснит.",
		}},
		// the buyer's bank details asked for; the seller's own are payment
		// details, not a request
		{agentiq.FlagPDRequest, []string{
			"Пришлите, пожалуйста, реквизиты, куда вернуть деньги.",
			"Укажите номер счёта и БИК для компенсации.",
		}, []string{
			"Высылаем наши реквизиты для претензии: ИНН 7700000000.",
			"Реквизиты магазина указаны в карточке продавца.",
		}},
		// scarcity and a price that will not last
		{agentiq.FlagPressure, []string{
			"Эту модель уже почти разобрали — осталась пара штук.",
			"Со следующей недели такой цены уже не будет.",
		}, []string{
			"Введите последние 4 цифры номера телефона.",
			"Подпишитесь на магазин, чтобы не пропустить поступления.",
		}},
		// a card number: grouped or masked is a card, an unbroken 14-digit
		// tracking number is not
		{agentiq.FlagPaymentDetails, []string{
			"Деньги ушли на карту 4276 **** **** 1234.",
			"Номер карты для справки: 4276 1300 1234 5678.",
		}, []string{
			"Трек-номер 80099912345678, отслеживайте на сайте почты.",
		}},
		// a signature with the seller's own shop name in quotes
		{agentiq.FlagThirdParty, nil, []string{
			"С уважением, ваш магазин «Тёплый дом».",
			"Хорошего дня! Команда бренда «Лесная сказка».",
		}},
		// round 4 (batches F and H): a review act as the condition of
		// anything the seller promises, however worded
		{agentiq.FlagReviewIncentive, []string{
			"Если исправите оценку, отправим замену в тот же день.",
			"Тем, кто поставил пятёрку, продлим гарантию на год.",
			"Не пишите, пожалуйста, негативный отзыв — мы лучше вернём часть суммы.",
			"Отзыв на 5 — и доставку следующего заказа оплатим мы.",
			"Ваши пять звёзд от вас — приятный сюрприз от нас.",
			"Сначала удалите отзыв, потом оформим компенсацию.",
			"Не оставляйте, пожалуйста, низкую оценку, а мы подарим вам чехол.",
			"Измените, если не сложно, оценку на пять, и мы пришлём сертификат.",
			"За пятёрочку — небольшой сюрприз в следующей посылке.",
		}, []string{
			"Оставьте, пожалуйста, отзыв — мы отправим ваш заказ завтра.",
			"Если оставите отзыв, мы будем очень рады.",
			"Если в отзыве есть вопрос, мы ответим на него.",
			"Спасибо за оценку 5! Хорошего дня.",
		}},
		// an address asked for by its parts
		{agentiq.FlagPDRequest, []string{
			"Подскажите номер квартиры и этаж для курьера.",
			"Напишите, пожалуйста, улицу и код домофона.",
		}, []string{
			"Адрес пункта выдачи есть в приложении.",
		}},
		// round 5 (batches I and J): a draft typed in Latin letters is read
		// as the Russian it spells
		{agentiq.FlagReviewIncentive, []string{
			"Za otzyv s foto darim sertifikat na 500 rublei.",
			"Esli udalite otzyv, vernem dengi polnostyu.",
		}, []string{
			"Spasibo za otzyv, nam ochen priyatno!",
		}},
		{agentiq.FlagPDRequest, []string{
			"Napishite, pozhaluysta, vash adres i nomer telefona.",
		}, []string{
			"Zakaz otpravlen, nomer zakaza v prilozhenii.",
		}},
		// elsewhere is better than here, another marketplace recommended,
		// the item to collect in the seller's own shop
		{agentiq.FlagOffPlatform, []string{
			"Лучше пишите на почту, так проще, чем в чате.",
			"Советую поискать такую же модель на Яндекс Маркете.",
			"В нашем фирменном салоне на Тверской она есть в наличии.",
			"Давайте продолжим переписку в другом мессенджере.",
		}, []string{
			"Курьер свяжется с вами за час до доставки.",
			"Купить можно и на Авито, но без гарантии.",
		}},
		// a review named without the word, and exchanges: "пару слов под
		// товаром", "оценит на отлично", "вы меняете оценку, мы …"
		{agentiq.FlagReviewIncentive, []string{
			"Черкните пару строк о нас в карточке товара — в благодарность отправим пробники.",
			"Всем, кто оценил покупку на пять, дарим набор салфеток.",
			"Вы исправляете оценку, а мы доложим в посылку что-нибудь сверху.",
			"Четыре звёздочки от вас — и мы упакуем следующий заказ с сюрпризом.",
		}, []string{
			"Поделитесь впечатлением в карточке товара, нам это очень поможет.",
			"Вы можете исправить оценку в любое время в разделе «Отзывы».",
		}},
		// a screenshot of the review traded for a benefit
		{agentiq.FlagReviewIncentive, []string{
			"За скриншот отзыва начислим 200 бонусов.",
			"Написали отзыв? Покажите скрин — подарим брелок.",
		}, []string{
			"Пришлите скриншот ошибки, пожалуйста.",
			"Спасибо, что оставили отзыв!",
		}},
		// cheaper without WB's commission, at the seller's own site
		{agentiq.FlagOffPlatform, []string{
			"На нашем сайте без комиссии площадки выйдет дешевле.",
			"Напрямую без наценки маркетплейса — пишите.",
			"У нас на сайте скидка 10% на всю коллекцию.",
		}, []string{
			"Следующая покупка у нас без наценки, если понравится.",
		}},
		// the buyer's e-mail asked for a catalogue or mailing moves off WB;
		// asked for a receipt, a warranty card or to reach the buyer it is
		// only a personal-data request
		{agentiq.FlagOffPlatform, []string{
			"Оставьте свой e-mail — будем присылать каталог и акции.",
			"Напишите вашу почту, вышлем прайс на всю коллекцию.",
		}, []string{
			"Напишите ваш e-mail для электронного чека.",
			"Укажите вашу почту, пожалуйста.",
			"Напишите почту — отправим гарантийный талон.",
			"Оставьте почту, чтобы мы могли связаться по замене.",
		}},
		// a refusal of mailings by its plural noun
		{agentiq.FlagOptOutInstruction, []string{
			"Отказаться от рассылок можно в настройках профиля.",
			"Чтобы отказаться от подборок, ответьте «Нет».",
		}, nil},
		// a warning against paying outside WB names no payment details
		{agentiq.FlagPaymentDetails, []string{
			"Оплатите переводом на карту по номеру телефона.",
		}, []string{
			"Мы никогда не просим перевести деньги на карту.",
			"Не переводите деньги на карту продавцам — только оплата через WB.",
		}},
		// any request form with any personal-data noun
		{agentiq.FlagPDRequest, []string{
			"Какой у вас контактный телефон?",
			"Продиктуйте код с обратной стороны карты.",
			"Можно ваш телефончик для курьера?",
			"Как вас зовут? Оформим накладную.",
			"Нужна ваша фамилия и отчество для гарантийного талона.",
			"Черкните номер, перезвоним.",
			"Сообщите, пожалуйста, серию и номер паспорта.",
		}, []string{
			"Никогда никому не диктуйте код из СМС.",
			"Ваши паспортные данные нам не нужны.",
			"Уточните модель вашего телефона, подберём чехол.",
			"Можно ваш номер заказа? Проверим.",
			"Какой у вас размер ноги?",
		}},
		{agentiq.FlagPDRequest, []string{
			"Подскажите, пожалуйста, свой номер телефона для курьера.",
			"Скиньте адресок, вышлем образцы.",
			"Нам потребуется ваше ФИО и паспортные данные.",
			"Подтвердите номер вашей карты для возврата.",
		}, []string{
			"Пожалуйста, не присылайте в чат номер карты.",
			"Адрес пункта выдачи указан в приложении.",
			"Номер заказа указан в личном кабинете.",
		}},
		// fourth round: a benefit named as money, a price, a warranty, a
		// club or a verdict in the buyer's favour; the buyer's "пятёрка"
		{agentiq.FlagReviewIncentive, []string{
			"Ваша пятёрка для нас много значит, а мы в ответ порадуем вас рублём.",
			"Фотоотзыв = +6 месяцев гарантии на чайник.",
			"Исправьте оценку на четыре, и спор по браку решим в вашу пользу.",
			"Кто напишет отзыв, тот попадает в закрытый клуб покупателей с особыми скидками.",
			"Отзыв 👉 💰",
			"Если звёзд будет пять, положим в следующий заказ комплимент.",
		}, []string{
			"Гарантия на чайник — один год, отзыв можно оставить в карточке.",
			"Спор по браку решим в вашу пользу, фото уже получили.",
			"Ваша оценка для нас важна, спасибо, что нашли время.",
			"Положим в заказ инструкцию на русском языке.",
		}},
		// the item to be had at the seller's own shop or another
		// marketplace; service moved to the seller's own channel; the
		// conversation settled elsewhere; a link with a reason to go there
		{agentiq.FlagOffPlatform, []string{
			"Этого оттенка здесь уже нет, но он есть у нас на сайте.",
			"Мы ещё продаёмся на Мегамаркете, там вся линейка.",
			"Скачайте наше приложение: в нём доставка бесплатная.",
			"Оформите заявку на нашем официальном сайте, там ответят быстрее.",
			"Такие вопросы удобнее обсудить по почте или в телеграме.",
			"Претензии рассматриваем только через электронную почту.",
			"Подбор размера ведём в нашем чат-боте в телеграме.",
			"Мы перевели всю поддержку в своё приложение.",
			"Привезём новый комплект лично, без пункта выдачи.",
			"domik-tkani.ru — там все расцветки и размеры.",
		}, []string{
			"Мы не продаём на Ozon, только здесь.",
			"Товар есть у нас на складе, отправим сегодня.",
			"Работаем напрямую с фабрикой, поэтому качество проверяем сами.",
			"Наш сайт: domik-tkani.ru",
			"Мы не просим оплату вне маркетплейса — будьте осторожны.",
			"Пришлём чек на вашу почту, указанную в заказе.",
		}},
		// asked for by slang and unusual verbs, by typos, by an SMS code,
		// by the full name
		{agentiq.FlagPDRequest, []string{
			"Поделитесь номером телефона, курьер свяжется.",
			"Настучите адресок, отправим замену.",
			"Оставте контакт, менеджер напишет.",
			"Вам придёт смс с кодом — продиктуйте его нам.",
			"Как вас зовут полностью? Впишем в гарантийный талон.",
		}, []string{
			"Код из смс никому не сообщайте.",
			"Номер карты для оплаты: 2200 1234 5678 9010.",
			"Курьер позвонит за час до доставки.",
		}},
		// another business named by what it did, by its legal form, or a
		// chain or a testing body by name
		{agentiq.FlagThirdParty, []string{
			"Сборник издан «АСТ», у нас — подарочная версия.",
			"Батарейки есть в любой Пятёрочке.",
			"Качество подтвердил Ростест.",
			"Спросите у ИП Соколова, он шьёт на заказ.",
		}, []string{
			"Доставку выполняет Wildberries, статус виден в заказе.",
			"Мы шьём сами, в нашем цехе.",
		}},
		// fifth batch of the round: a faster or favoured handling as the
		// benefit, a review in English, the buyer's review edited for money
		{agentiq.FlagReviewIncentive, []string{
			"Если отзыв будет хорошим, замену отправим в приоритетном порядке.",
			"Leave a 5 stars review and get a gift!",
			"Отредактируйте, пожалуйста, отзыв — компенсируем 500 ₽.",
		}, []string{
			"Замену отправим в приоритетном порядке, отзыв можете оставить любой.",
			"Бонусы начисляются за покупки и никак не связаны с отзывами.",
		}},
		{agentiq.FlagOffPlatform, []string{
			"Этой расцветки тут нет, но у Leroy ещё остались — поищите там.",
			"На Ozon по нашему промокоду скидка 15%.",
			"Дешевле выйдет при заказе через нашего менеджера.",
			"Давайте дальше переписываться по смс, так надёжнее.",
			"Для постоянных покупателей есть закрытый чат — пришлём приглашение.",
			"Мы ещё на Яндекс Маркете продаёмся.",
		}, []string{
			"Нашли дешевле на Ozon? Пришлите ссылку — сравним.",
			"Загляните в магазин «Дачник», он тоже на WB — у них есть шланги.",
			"Трек-номер пришлём по смс, как только заказ передадут в доставку.",
		}},
		{agentiq.FlagPDRequest, []string{
			"ваш телефон и адрес пжлст",
			"Назовите все цифры карты, вернём разницу.",
		}, []string{
			"Претензию направьте на официальную почту компании, адрес в карточке.",
		}},
		// long replies: a gift in the next parcel, a review asked for and
		// something sent, an exchange on condition of a review
		{agentiq.FlagReviewIncentive, []string{
			"За отзыв с видео кладём в следующую посылку набор наклеек.",
			"Опишите в отзыве, как подошёл размер, — вышлем купон на доставку.",
			"Мы готовы заменить куртку без возврата, если вы оставите хороший отзыв.",
		}, []string{
			"Замену отправим в любом случае, оставите вы отзыв или нет.",
			"Кладём в каждую посылку инструкцию по уходу.",
		}},
		{agentiq.FlagOffPlatform, []string{
			"Эти чехлы остались у нас на другой площадке, поищите по названию магазина.",
			"Мы торгуем также через Яндекс Маркет, там есть все расцветки.",
			"Этот оттенок можно купить в «Подружке».",
			"Остатки коллекции распродаём через Авито.",
			"Чтобы не платить комиссию маркетплейса, оформим заказ напрямую.",
			"Какой у вас ник в телеграме? Пришлём туда видео.",
			"Созвонимся не здесь, а в любом мессенджере, как вам удобнее?",
		}, []string{
			"Мы работаем напрямую с издательством, поэтому цена ниже.",
			"Подробная инструкция на сайте comfort mebel ru",
			"Видео сборки есть в нашем профиле @mebel_video — там всё пошагово.",
		}},
		{agentiq.FlagThirdParty, []string{
			"Этот пылесос в два раза дешевле аналогов от Karcher.",
			"По составу это аналог продукции «Эвалар».",
			"Декларацию можно проверить в реестре Росаккредитации.",
		}, []string{
			"В других магазинах эта книга может быть в другой обложке.",
			"В нашем магазине действует программа «Друзья бренда».",
		}},
		{agentiq.FlagPDRequest, []string{
			"Пришлите список гостей с фамилиями и датами рождения для именных открыток.",
			"Скиньте мыло, пришлём инструкцию.",
			"Какой у вас номер в вайбере?",
		}, []string{
			"После публикации отзыва пришлите его номер сюда.",
			"Внесите оплату по реквизитам: ООО «Ромашка», р/с 40702810000000001234.",
		}},
		// a domain with its dot written as a space or a middle dot
		{agentiq.FlagExternalLink, []string{
			"Наш сайт: mebel-dom рф",
			"Каталог: sveti-shop·ru",
			"Заходите на uyut-tekstil ru",
		}, []string{
			"Доставка по РФ бесплатная.",
			"Продавец «Home-Store» торгует похожими.",
			"Оплата · Online · при получении",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.flag), func(t *testing.T) {
			for _, s := range tt.yes {
				if r := l.Lint(s); !r.Has(tt.flag) {
					t.Errorf("%q: no %s (flags %v, parts %v)", s, tt.flag, r.Flags, r.Parts)
				}
			}
			for _, s := range tt.no {
				if r := l.Lint(s); r.Has(tt.flag) {
					t.Errorf("%q: false %s (%v)", s, tt.flag, r.Evidence[tt.flag])
				}
			}
		})
	}
}

// TestDigestCountsTheModel: retrained weights are a new digest, hence a
// new rules_version; a model with a class that is no flag is refused.
func TestDigestCountsTheModel(t *testing.T) {
	model := func(bias string) []byte {
		return []byte("meta features 1\nclasses review_incentive off_platform third_party pd_request\nbias " + bias + "\n")
	}
	a, errA := NewWithModel(defaultData, model("-5 -5 -5 -5"))
	b, errB := NewWithModel(defaultData, model("-4 -5 -5 -5"))
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if a.Digest() == b.Digest() {
		t.Error("two models, one digest")
	}
	if _, err := NewWithModel(defaultData, []byte("meta features 1\nclasses spam\nbias 0\n")); err == nil {
		t.Error("a model class that is no flag was accepted")
	}
}
