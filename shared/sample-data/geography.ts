/**
 * Real Brazilian cities with their state (UF), area code (DDD), a CEP range inside the city and a
 * weight roughly following business density, so samples lean to SP, RJ, MG, PR and RS as real
 * client bases do.
 */
export type City = { name: string; uf: string; ddd: string; cep: readonly [number, number]; weight: number };

export const CITIES: readonly City[] = [
  { name: 'São Paulo', uf: 'SP', ddd: '11', cep: [1000, 5999], weight: 180 },
  { name: 'Guarulhos', uf: 'SP', ddd: '11', cep: [7000, 7399], weight: 18 },
  { name: 'Osasco', uf: 'SP', ddd: '11', cep: [6000, 6299], weight: 12 },
  { name: 'Santo André', uf: 'SP', ddd: '11', cep: [9000, 9299], weight: 12 },
  { name: 'São Bernardo do Campo', uf: 'SP', ddd: '11', cep: [9600, 9899], weight: 14 },
  { name: 'Barueri', uf: 'SP', ddd: '11', cep: [6400, 6499], weight: 10 },
  { name: 'Jundiaí', uf: 'SP', ddd: '11', cep: [13200, 13219], weight: 9 },
  { name: 'Campinas', uf: 'SP', ddd: '19', cep: [13000, 13139], weight: 28 },
  { name: 'Piracicaba', uf: 'SP', ddd: '19', cep: [13400, 13429], weight: 6 },
  { name: 'Sorocaba', uf: 'SP', ddd: '15', cep: [18000, 18109], weight: 9 },
  { name: 'São José dos Campos', uf: 'SP', ddd: '12', cep: [12200, 12249], weight: 10 },
  { name: 'Santos', uf: 'SP', ddd: '13', cep: [11000, 11099], weight: 9 },
  { name: 'Ribeirão Preto', uf: 'SP', ddd: '16', cep: [14000, 14114], weight: 11 },
  { name: 'Bauru', uf: 'SP', ddd: '14', cep: [17000, 17099], weight: 5 },
  { name: 'São José do Rio Preto', uf: 'SP', ddd: '17', cep: [15000, 15099], weight: 7 },
  { name: 'Rio de Janeiro', uf: 'RJ', ddd: '21', cep: [20000, 23799], weight: 70 },
  { name: 'Niterói', uf: 'RJ', ddd: '21', cep: [24000, 24399], weight: 8 },
  { name: 'Duque de Caxias', uf: 'RJ', ddd: '21', cep: [25000, 25299], weight: 7 },
  { name: 'Nova Iguaçu', uf: 'RJ', ddd: '21', cep: [26000, 26099], weight: 5 },
  { name: 'Campos dos Goytacazes', uf: 'RJ', ddd: '22', cep: [28000, 28099], weight: 3 },
  { name: 'Macaé', uf: 'RJ', ddd: '22', cep: [27900, 27999], weight: 3 },
  { name: 'Belo Horizonte', uf: 'MG', ddd: '31', cep: [30000, 31999], weight: 40 },
  { name: 'Contagem', uf: 'MG', ddd: '31', cep: [32000, 32399], weight: 9 },
  { name: 'Betim', uf: 'MG', ddd: '31', cep: [32600, 32699], weight: 6 },
  { name: 'Uberlândia', uf: 'MG', ddd: '34', cep: [38400, 38414], weight: 9 },
  { name: 'Juiz de Fora', uf: 'MG', ddd: '32', cep: [36000, 36099], weight: 6 },
  { name: 'Curitiba', uf: 'PR', ddd: '41', cep: [80000, 82999], weight: 32 },
  { name: 'São José dos Pinhais', uf: 'PR', ddd: '41', cep: [83000, 83099], weight: 5 },
  { name: 'Londrina', uf: 'PR', ddd: '43', cep: [86000, 86099], weight: 8 },
  { name: 'Maringá', uf: 'PR', ddd: '44', cep: [87000, 87099], weight: 7 },
  { name: 'Ponta Grossa', uf: 'PR', ddd: '42', cep: [84000, 84099], weight: 4 },
  { name: 'Cascavel', uf: 'PR', ddd: '45', cep: [85800, 85824], weight: 4 },
  { name: 'Foz do Iguaçu', uf: 'PR', ddd: '45', cep: [85850, 85869], weight: 3 },
  { name: 'Porto Alegre', uf: 'RS', ddd: '51', cep: [90000, 91999], weight: 28 },
  { name: 'Canoas', uf: 'RS', ddd: '51', cep: [92000, 92499], weight: 6 },
  { name: 'Novo Hamburgo', uf: 'RS', ddd: '51', cep: [93300, 93599], weight: 5 },
  { name: 'Caxias do Sul', uf: 'RS', ddd: '54', cep: [95000, 95129], weight: 10 },
  { name: 'Pelotas', uf: 'RS', ddd: '53', cep: [96000, 96099], weight: 3 },
  { name: 'Santa Maria', uf: 'RS', ddd: '55', cep: [97000, 97119], weight: 3 },
  { name: 'Florianópolis', uf: 'SC', ddd: '48', cep: [88000, 88099], weight: 9 },
  { name: 'Joinville', uf: 'SC', ddd: '47', cep: [89200, 89239], weight: 10 },
  { name: 'Blumenau', uf: 'SC', ddd: '47', cep: [89000, 89099], weight: 7 },
  { name: 'Itajaí', uf: 'SC', ddd: '47', cep: [88300, 88319], weight: 4 },
  { name: 'Chapecó', uf: 'SC', ddd: '49', cep: [89800, 89819], weight: 3 },
  { name: 'Brasília', uf: 'DF', ddd: '61', cep: [70000, 72799], weight: 20 },
  { name: 'Goiânia', uf: 'GO', ddd: '62', cep: [74000, 74899], weight: 12 },
  { name: 'Anápolis', uf: 'GO', ddd: '62', cep: [75000, 75149], weight: 3 },
  { name: 'Vitória', uf: 'ES', ddd: '27', cep: [29000, 29099], weight: 6 },
  { name: 'Vila Velha', uf: 'ES', ddd: '27', cep: [29100, 29129], weight: 4 },
  { name: 'Serra', uf: 'ES', ddd: '27', cep: [29160, 29179], weight: 4 },
  { name: 'Salvador', uf: 'BA', ddd: '71', cep: [40000, 42599], weight: 16 },
  { name: 'Feira de Santana', uf: 'BA', ddd: '75', cep: [44000, 44099], weight: 3 },
  { name: 'Recife', uf: 'PE', ddd: '81', cep: [50000, 52999], weight: 13 },
  { name: 'Jaboatão dos Guararapes', uf: 'PE', ddd: '81', cep: [54000, 54499], weight: 3 },
  { name: 'Fortaleza', uf: 'CE', ddd: '85', cep: [60000, 61599], weight: 12 },
  { name: 'Manaus', uf: 'AM', ddd: '92', cep: [69000, 69099], weight: 8 },
  { name: 'Belém', uf: 'PA', ddd: '91', cep: [66000, 66999], weight: 6 },
  { name: 'São Luís', uf: 'MA', ddd: '98', cep: [65000, 65109], weight: 4 },
  { name: 'Teresina', uf: 'PI', ddd: '86', cep: [64000, 64099], weight: 3 },
  { name: 'Natal', uf: 'RN', ddd: '84', cep: [59000, 59159], weight: 4 },
  { name: 'João Pessoa', uf: 'PB', ddd: '83', cep: [58000, 58099], weight: 4 },
  { name: 'Maceió', uf: 'AL', ddd: '82', cep: [57000, 57099], weight: 3 },
  { name: 'Aracaju', uf: 'SE', ddd: '79', cep: [49000, 49099], weight: 3 },
  { name: 'Campo Grande', uf: 'MS', ddd: '67', cep: [79000, 79129], weight: 5 },
  { name: 'Cuiabá', uf: 'MT', ddd: '65', cep: [78000, 78099], weight: 5 },
  { name: 'Porto Velho', uf: 'RO', ddd: '69', cep: [76800, 76849], weight: 2 },
  { name: 'Palmas', uf: 'TO', ddd: '63', cep: [77000, 77099], weight: 2 },
];

/** A few Portuguese cities for the accounts a Brazilian distributor serves in Portugal. */
export type PortugueseCity = { name: string; district: string; postal: readonly [number, number]; phone: string };
export const PT_CITIES: readonly PortugueseCity[] = [
  { name: 'Lisboa', district: 'Lisboa', postal: [1000, 1990], phone: '21' },
  { name: 'Porto', district: 'Porto', postal: [4000, 4369], phone: '22' },
  { name: 'Braga', district: 'Braga', postal: [4700, 4719], phone: '253' },
  { name: 'Coimbra', district: 'Coimbra', postal: [3000, 3049], phone: '239' },
  { name: 'Aveiro', district: 'Aveiro', postal: [3800, 3819], phone: '234' },
  { name: 'Leiria', district: 'Leiria', postal: [2400, 2419], phone: '244' },
];

/** District names common to many Brazilian cities (city-specific ones would misplace addresses). */
export const DISTRICTS = [
  'Centro', 'Distrito Industrial', 'Jardim América', 'Vila Nova', 'Bela Vista', 'Santa Cecília', 'Boa Vista',
  'São José', 'Parque Industrial', 'Jardim Europa', 'Vila Mariana', 'Cidade Nova', 'Santo Antônio', 'Liberdade',
  'Cidade Industrial', 'Vila Industrial', 'Jardim Botânico', 'Navegantes', 'Jardim São Paulo', 'Vila Operária',
  'Parque das Nações', 'Jardim das Acácias', 'Vila Santa Maria', 'Alto da Glória', 'Jardim Primavera',
];

/** Honorees and place names Brazilian streets are really named after. */
export const STREET_NAMES = [
  'Marechal Deodoro', 'Tiradentes', 'Sete de Setembro', 'XV de Novembro', 'Dom Pedro II', 'Barão do Rio Branco',
  'Getúlio Vargas', 'Santos Dumont', 'Rui Barbosa', 'José Bonifácio', 'Floriano Peixoto', 'Duque de Caxias',
  'da Independência', 'Brasil', 'das Flores', 'dos Andradas', 'Paulista', 'Presidente Vargas', 'Rio Branco',
  'Princesa Isabel', 'Visconde de Mauá', 'Castro Alves', 'Machado de Assis', 'Anita Garibaldi', 'Bento Gonçalves',
  'Voluntários da Pátria', 'Treze de Maio', 'Primeiro de Maio', 'das Nações Unidas', 'dos Bandeirantes',
  'Marginal do Tietê', 'Brigadeiro Faria Lima', 'Engenheiro Luís Carlos Berrini', 'Afonso Pena', 'Amazonas',
  'do Contorno', 'Sete de Abril', 'Senador Salgado Filho', 'Oswaldo Cruz', 'Carlos Gomes', 'Visconde de Guarapuava',
  'Cândido de Abreu', 'Ipiranga', 'Assis Brasil', 'Protásio Alves', 'Tancredo Neves', 'Juscelino Kubitschek',
  'das Indústrias', 'Industrial', 'do Comércio', 'São João', 'Santo Amaro', 'Conselheiro Furtado',
];
export const STREET_PREFIXES = ['Rua', 'Rua', 'Rua', 'Avenida', 'Avenida', 'Alameda', 'Travessa', 'Rodovia', 'Estrada'];
export const COMPLEMENTS = ['Sala 12', 'Sala 304', 'Galpão 3', 'Bloco B', 'Conjunto 45', '8º andar', 'Loja 2', 'Módulo 7', 'Fundos', 'Galpão A'];
