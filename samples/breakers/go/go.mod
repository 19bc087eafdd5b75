module workbook.example/breakers

go 1.19
